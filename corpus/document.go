package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// Doctypes a document can have, as ../shared/gold/README.md defines them.
const (
	DoctypeSpeech     = "speech"
	DoctypeSummary    = "summary"
	DoctypeNews       = "news"
	DoctypeExperience = "experience"
	DoctypeOther      = "other"
)

// Region is the place a document reports on, most specific level known;
// each field is "" when unknown.
type Region struct {
	Province string `json:"province"`
	City     string `json:"city"`
	County   string `json:"county"`
}

// Most returns the most specific level that is known, or "".
func (r Region) Most() string {
	switch {
	case r.County != "":
		return r.County
	case r.City != "":
		return r.City
	}
	return r.Province
}

// Metric is one quantity found in a document's text.
type Metric struct {
	// Category is funds, people, rate or count.
	Category string `json:"category"`
	// Value is the number in base units (元, 人, %, or the measure word).
	Value float64 `json:"value"`
	// Low and High bound the value: 20余万 is 200000 with High above it.
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	Unit string  `json:"unit"`
	// Approx is "", about, over or under.
	Approx  string `json:"approx"`
	Subject string `json:"subject"`
	Surface string `json:"surface"`
	// Sentence is the sentence that holds the quantity.
	Sentence string `json:"sentence"`
	// Offset is the character (rune) offset of Surface in Document.Text().
	Offset int `json:"offset"`
}

// Campaign is a named campaign, activity, programme, competition or honour
// mentioned in a document, with the number of mentions.
type Campaign struct {
	// Name is as written in the document, without quotes or a trailing
	// 活动/行动.
	Name string `json:"name"`
	// Key groups spellings of one campaign: Name in simplified script with
	// quotes and spaces removed, so 送溫暖 and 送温暖 share a key.
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Document is one report: a file, a web page, or one part of a compilation.
type Document struct {
	ID string `json:"id"`
	// Source is the absolute path or the URL the document was read from.
	Source string `json:"source"`
	// SourceFile is the file name or URL as the user gave it.
	SourceFile string `json:"source_file"`
	// URL is set for crawled pages, and for files whose text names one.
	URL  string `json:"url,omitempty"`
	Part int    `json:"part"`

	Title     string `json:"title"`
	Date      string `json:"date"`
	Publisher string `json:"publisher"`
	Author    string `json:"author"`
	Region    Region `json:"region"`
	Doctype   string `json:"doctype"`
	// Body is the text as paragraphs, boilerplate removed, in the original
	// script.
	Body []string `json:"body"`

	Metrics   []Metric   `json:"metrics"`
	Campaigns []Campaign `json:"campaigns"`

	// ContentHash is the SHA-256 of the source bytes the document came from.
	ContentHash string `json:"content_hash,omitempty"`
}

// Text is the body as one string, paragraphs separated by "\n". Metric
// offsets count runes in this string.
func (d *Document) Text() string { return strings.Join(d.Body, "\n") }

// Year is the year of Date, or 0 when the date is unknown.
func (d *Document) Year() int {
	if len(d.Date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(d.Date[:4])
	if err != nil {
		return 0
	}
	return y
}

// DocID is the stable identifier of part part of source: the first 16 hex
// digits of SHA-256 over the source and the part number. The same file or
// URL always yields the same IDs, so re-importing replaces, never duplicates.
func DocID(source string, part int) string {
	h := sha256.Sum256([]byte(source + "\x00" + strconv.Itoa(part)))
	return hex.EncodeToString(h[:8])
}
