// Package decode turns the bytes of a file or fetched page in any common
// Chinese encoding (UTF-8, UTF-16, GBK/GB18030, Big5, or what a page
// declares) into valid UTF-8 text, or says why it holds none.
package decode

import (
	"bytes"
	"errors"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Sentinel errors for inputs that hold no extractable text.
var (
	ErrEmpty  = errors.New("empty input")
	ErrBinary = errors.New("binary input")
)

// Text converts bytes in any common Chinese encoding to valid UTF-8 and
// names the charset it used: "utf-8", "utf-16le", "utf-16be", "gb18030",
// "big5", or another WHATWG name when a page declares one and its bytes
// support the claim. contentType is the HTTP Content-Type header, if any.
func Text(data []byte, contentType string) (text, cs string, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "", ErrEmpty
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return finish(string(data[3:]), "utf-8")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data, "utf-16le")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data, "utf-16be")
	}
	if e, name := sniffUTF16(data); e != nil {
		return decodeWith(e, data, name)
	}
	if looksBinary(data) {
		return "", "", ErrBinary
	}
	// A declared charset is often wrong (pages re-saved as UTF-8 keep their
	// old meta tag), while GBK or Big5 text almost never passes as UTF-8.
	if mostlyUTF8(data) {
		return finish(string(data), "utf-8")
	}
	declared := declaredCharset(data, contentType)
	cands := []string{"gb18030", "big5"}
	if declared != "" && declared != "utf-8" && declared != "gb18030" && declared != "big5" {
		cands = append([]string{declared}, cands...)
	} else if declared == "big5" {
		cands = []string{"big5", "gb18030"}
	}
	best, bestName, bestScore := "", "", 0
	for i, name := range cands {
		e := encodingFor(name)
		if e == nil {
			continue
		}
		s, err := e.NewDecoder().String(string(data))
		if err != nil {
			continue
		}
		// The declared or first candidate wins ties.
		sc := plausibility(s)
		if i == 0 || sc > bestScore {
			best, bestName, bestScore = s, name, sc
		}
	}
	if bestName == "" {
		return finish(string(data), "utf-8")
	}
	return finish(best, bestName)
}

func decodeWith(e encoding.Encoding, data []byte, name string) (string, string, error) {
	s, err := e.NewDecoder().String(string(data))
	if err != nil {
		return "", "", err
	}
	return finish(s, name)
}

// finish makes s valid UTF-8 without NULs and rejects text that is empty
// once decoded.
func finish(s, name string) (string, string, error) {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\x00", "")
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.TrimSpace(s) == "" {
		return "", name, ErrEmpty
	}
	return s, name, nil
}

// sniffUTF16 recognises BOM-less UTF-16 by its zero bytes: ASCII letters,
// spaces and line breaks put a NUL in every other byte, on one side only,
// which no 8-bit encoding does. Han text has no zero bytes, so a few ASCII
// characters must be there, and the decoded text must be clean.
func sniffUTF16(data []byte) (encoding.Encoding, string) {
	n := min(len(data), 8192) &^ 1
	if n < 16 {
		return nil, ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	var e encoding.Encoding
	var name string
	switch {
	case odd*25 > half && even*3 < odd:
		e, name = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"
	case even*25 > half && odd*3 < even:
		e, name = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"
	default:
		return nil, ""
	}
	s, err := e.NewDecoder().String(string(data[:n]))
	if err != nil {
		return nil, ""
	}
	bad, total := 0, 0
	for _, r := range s {
		total++
		if r == utf8.RuneError || r < 0x20 && r != '\n' && r != '\r' && r != '\t' || r >= 0xE000 && r <= 0xF8FF {
			bad++
		}
	}
	if bad*50 > total {
		return nil, ""
	}
	return e, name
}

// looksBinary reports NULs or a high share of control bytes in the head of
// data; text in any supported 8-bit encoding has neither.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	ctrl := 0
	for _, b := range head {
		switch {
		case b == 0:
			return true
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B:
			ctrl++
		}
	}
	return ctrl*10 > len(head)
}

// mostlyUTF8 accepts data whose multi-byte sequences are valid UTF-8 but for
// a stray few, as in a page cut mid-character or a file with one bad byte.
func mostlyUTF8(data []byte) bool {
	if utf8.Valid(data) {
		return true
	}
	good, bad := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			good++
		}
		i += size
	}
	return good >= 20 && bad*50 <= good
}

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)`)

// declaredCharset returns the canonical name of the charset named by the
// Content-Type header or, failing that, by a meta tag near the top.
func declaredCharset(data []byte, contentType string) string {
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			if n := canonicalCharset(params["charset"]); n != "" {
				return n
			}
		}
	}
	if m := metaCharset.FindSubmatch(data[:min(len(data), 4096)]); m != nil {
		return canonicalCharset(string(m[1]))
	}
	return ""
}

// canonicalCharset maps a label to the decoder this package uses for it:
// every GB label to GB18030, a strict superset, and Big5 variants to Big5.
func canonicalCharset(label string) string {
	label = strings.ToLower(strings.TrimSpace(label))
	switch label {
	case "":
		return ""
	case "gbk", "gb2312", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "hz-gb-2312", "gb_2312-80", "csgb2312", "chinese":
		return "gb18030"
	case "big5", "big5-hkscs", "x-x-big5", "cn-big5", "x-big5", "csbig5", "cp950":
		return "big5"
	case "utf8", "utf-8", "unicode-1-1-utf-8":
		return "utf-8"
	}
	if _, name := charset.Lookup(label); name != "" {
		return name
	}
	return ""
}

func encodingFor(name string) encoding.Encoding {
	switch name {
	case "gb18030":
		return simplifiedchinese.GB18030
	case "big5":
		return traditionalchinese.Big5
	}
	e, _ := charset.Lookup(name)
	return e
}

// plausibility scores decoded text: common Chinese characters count for it,
// replacement characters and private-use or rare code points against it.
// Decoding GBK bytes as Big5 (or the reverse) yields valid but rare
// characters, so frequency separates the two where validity cannot.
func plausibility(s string) int {
	score, n := 0, 0
	for _, r := range s {
		// A sample decides as well as the whole and keeps big pages linear.
		if n++; n > 200000 {
			break
		}
		switch {
		case r == utf8.RuneError:
			score -= 20
		case r < utf8.RuneSelf:
		case commonSet[r]:
			score += 3
		case r >= 0xE000 && r <= 0xF8FF, r >= 0x3400 && r <= 0x4DBF:
			score -= 5
		case r >= 0x4E00 && r <= 0x9FFF:
		default:
			// Punctuation and symbols outside CJK ranges are rare in both.
			if r < 0x3000 || r > 0x303F && (r < 0xFF00 || r > 0xFFEF) {
				score--
			}
		}
	}
	return score
}

var commonSet = func() map[rune]bool {
	m := make(map[rune]bool, len(commonHan)/3)
	for _, r := range commonHan {
		m[r] = true
	}
	return m
}()

// commonHan holds frequent characters of Chinese prose and of union
// documents, in both scripts.
const commonHan = "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从已工作职全市区县省委员群众部门单位组织建设发展开展活动服务企业管理加强提高推进落实进一步领导重要基层困难帮扶维权合法权益劳动竞赛先进模范会员经费制度完善积极认真社会经济政治文化新和谐农民教育培训技能素质情况问题意见通过实现坚持围绕中心大局深入贯彻精神科学思想理论实际创新机制保障资金万元元人次家条项共计达到增长同比其中今年去年总结讲话报告会议召开这個們來說國時會對後過發經當與學進種將還開關長現實問題動員體業務員費權會議總結講話報告開展組織單位職工農民區縣團結幫扶勞動競賽積極認真經濟機制實際貫徹深入創新資金萬億"
