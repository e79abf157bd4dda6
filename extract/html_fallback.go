package extract

import (
	"fmt"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
)

// fallbackPage reads a web page with go-readability when the line rules
// found no article in it, and returns the page laid out as readability's
// article, or nil. Readability scores containers by text and link length
// alone, without the Chinese punctuation the line rules need, so it finds
// articles they miss: lines of text without the punctuation of prose, text
// in odd containers. It runs only on pages that would
// otherwise give ErrNoArticle, so it costs the ordinary page nothing.
func fallbackPage(pg *page, text string) *page {
	if pg.dom == nil || !pg.dom.gate.on(ruleReadability) {
		return nil
	}
	art, err := readArticle(text)
	if err != nil || art.Node == nil {
		return nil
	}
	alt := &page{
		html:          true,
		headline:      pg.headline,
		docTitle:      pg.docTitle,
		site:          pg.site,
		metaDate:      pg.metaDate,
		metaAuthor:    pg.metaAuthor,
		metaPublisher: pg.metaPublisher,
		blogger:       pg.blogger,
	}
	if alt.headline == "" && alt.docTitle == "" {
		alt.docTitle = cleanSpace(art.Title())
	}
	// The article is laid out as the page was, so its lines keep their
	// link text for html.link-line and trustChosen to weigh.
	w := &walker{g: pg.dom.gate}
	w.walk(art.Node, false)
	w.flush()
	if len(w.lines) == 0 {
		return nil
	}
	for _, l := range w.lines {
		alt.lines = append(alt.lines, line{text: l.text, main: true, heading: l.heading, blockEnd: pg.dom.gate.on(titleBlockGroup) && !l.brk})
	}
	alt.dom = &layout{lines: w.lines, gate: pg.dom.gate, chosen: true}
	return alt
}

// minChosenRunes is the shortest line of readability's article that counts
// as a paragraph although it does not read as prose by its punctuation: a
// sentence, not a label.
const minChosenRunes = 20

// trustChosen makes paragraphs of the lines of an article readability
// chose that classify calls short for want of Chinese punctuation. Link
// text stays what it is: readability's pick on a page of menus is a menu.
func trustChosen(pg *page, kinds []kind) {
	for i, k := range kinds {
		if k == kindShort && pg.dom.lines[i].runes >= minChosenRunes && !linkDense(pg.dom.lines[i]) {
			kinds[i] = kindContent
		}
	}
}

// readArticle runs go-readability on a page. Parse must not panic on any
// bytes, and a third-party DOM walk is not ours to prove: a panic in it is
// a page it cannot read.
func readArticle(text string) (art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			art, err = readability.Article{}, fmt.Errorf("readability: %v", r)
		}
	}()
	return readability.FromReader(strings.NewReader(text), nil)
}
