package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rivo/uniseg"
)

// bom lets Excel read a CSV file as UTF-8; without it Chinese text turns
// to mojibake on a Chinese-locale Windows.
const bom = "\uFEFF"

// MetricColumns are the columns of a metrics CSV, in order.
var MetricColumns = []string{
	"doc_id", "title", "date", "year", "region", "province", "city", "county", "doctype", "source", "canonical",
	"category", "subject", "value", "low", "high", "unit", "approx", "surface", "sentence", "offset",
}

// MetricWriter writes quantities; Close flushes and reports the first
// error any write met.
type MetricWriter interface {
	Write(MetricRow) error
	Close() error
}

// safeCell keeps a spreadsheet from running a text cell as a formula
// (CSV injection): a cell that starts with = + - @, a tab or a carriage
// return gets a leading apostrophe, which spreadsheets hide and treat as
// "this is text".
//
// It also turns a lone carriage return into a line break, which the CSV
// writer then ends with CRLF like every other: encoding/csv would drop it.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	}
	return s
}

// number writes a float the way a spreadsheet reads it: no exponent, no
// trailing zeros.
func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// csvTable is an RFC 4180 writer with CRLF line ends, an optional BOM and
// a header, remembering its first error.
type csvTable struct {
	w   *csv.Writer
	err error
}

func newCSVTable(w io.Writer, withBOM bool, header []string) *csvTable {
	t := &csvTable{w: csv.NewWriter(w)}
	t.w.UseCRLF = true
	if withBOM {
		_, t.err = io.WriteString(w, bom)
	}
	t.write(header)
	return t
}

func (t *csvTable) write(rec []string) error {
	if t.err == nil {
		t.err = t.w.Write(rec)
	}
	return t.err
}

func (t *csvTable) close() error {
	t.w.Flush()
	if t.err == nil {
		t.err = t.w.Error()
	}
	return t.err
}

type metricCSV struct{ t *csvTable }

// NewMetricCSV returns a writer of the columns MetricColumns: a UTF-8 BOM
// first unless withBOM is false, then the header; RFC 4180 with CRLF line
// ends; numbers (year, value, low, high, offset) as plain numerals, an
// unknown year as an empty cell; text cells neutralised against formulas.
// The source column is the document's URL, or its file when it has none.
func NewMetricCSV(w io.Writer, withBOM bool) MetricWriter {
	return metricCSV{newCSVTable(w, withBOM, MetricColumns)}
}

func (m metricCSV) Write(r MetricRow) error {
	year := ""
	if r.Year != 0 {
		year = strconv.Itoa(r.Year)
	}
	source := r.URL
	if source == "" {
		source = r.Source
	}
	s := safeCell
	return m.t.write([]string{
		s(r.DocID), s(r.Title), s(r.Date), year, s(r.Region.Most()), s(r.Region.Province), s(r.Region.City), s(r.Region.County),
		s(r.Doctype), s(source), strconv.FormatBool(r.Canonical), s(r.Category), s(r.Subject), number(r.Value), number(r.Low), number(r.High),
		s(r.Unit), s(r.Approx), s(r.Surface), s(r.Sentence), strconv.Itoa(r.Offset),
	})
}

func (m metricCSV) Close() error { return m.t.close() }

// jsonLines writes one JSON object per line, with Chinese and <, >, &
// as they are rather than escaped.
type jsonLines struct {
	enc *json.Encoder
	err error
}

func newJSONLines(w io.Writer) *jsonLines {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonLines{enc: enc}
}

func (j *jsonLines) write(v any) error {
	if j.err == nil {
		j.err = j.enc.Encode(v)
	}
	return j.err
}

type metricJSONL struct{ j *jsonLines }

// NewMetricJSONL returns a writer of one JSON object per quantity, with
// the fields of MetricRow.
func NewMetricJSONL(w io.Writer) MetricWriter { return metricJSONL{newJSONLines(w)} }

func (m metricJSONL) Write(r MetricRow) error { return m.j.write(r) }
func (m metricJSONL) Close() error            { return m.j.err }

// campaignHeader is the header of a campaign table, with the group
// column only when counts are grouped.
func campaignHeader(by string) []string {
	if by == "" {
		return []string{"name", "key", "docs", "mentions"}
	}
	return []string{"name", "key", by, "docs", "mentions"}
}

func campaignRecord(c CampaignCount, by string, cell func(string) string) []string {
	rec := []string{cell(c.Name), cell(c.Key)}
	if by != "" {
		rec = append(rec, cell(c.Group))
	}
	return append(rec, strconv.Itoa(c.Docs), strconv.Itoa(c.Mentions))
}

// WriteCampaignsCSV writes counts as CSV like NewMetricCSV does: BOM
// unless withBOM is false, CRLF, columns name, key, [year|region], docs,
// mentions.
func WriteCampaignsCSV(w io.Writer, counts []CampaignCount, by string, withBOM bool) error {
	t := newCSVTable(w, withBOM, campaignHeader(by))
	for _, c := range counts {
		if t.write(campaignRecord(c, by, safeCell)) != nil {
			break
		}
	}
	return t.close()
}

// WriteCampaignsJSONL writes one JSON object per count.
func WriteCampaignsJSONL(w io.Writer, counts []CampaignCount) error {
	j := newJSONLines(w)
	for _, c := range counts {
		j.write(c)
	}
	return j.err
}

// WriteCampaignsTable writes counts as a table aligned for a terminal,
// where a Chinese character takes two columns; numbers are right-aligned
// and an unknown group shows as "-".
func WriteCampaignsTable(w io.Writer, counts []CampaignCount, by string) error {
	header := campaignHeader(by)
	rows := [][]string{header}
	for _, c := range counts {
		if c.Group == "" {
			c.Group = "-"
		}
		rows = append(rows, campaignRecord(c, by, func(s string) string { return s }))
	}
	widths := make([]int, len(header))
	for _, r := range rows {
		for i, cell := range r {
			widths[i] = max(widths[i], uniseg.StringWidth(cell))
		}
	}
	numeric := len(header) - 2 // docs and mentions are the last two
	var b strings.Builder
	for _, r := range rows {
		b.Reset()
		for i, cell := range r {
			pad := strings.Repeat(" ", widths[i]-uniseg.StringWidth(cell))
			switch {
			case i >= numeric:
				b.WriteString("  " + pad + cell)
			case i == 0:
				b.WriteString(cell + pad)
			default:
				b.WriteString("  " + cell + pad)
			}
		}
		if _, err := io.WriteString(w, strings.TrimRight(b.String(), " ")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// KWICColumns are the columns of a KWIC CSV, in order.
var KWICColumns = []string{"doc_id", "title", "date", "left", "match", "right", "offset"}

// KWICWriter writes keyword-in-context lines; Close flushes and reports
// the first error any write met.
type KWICWriter interface {
	Write(KWICLine) error
	Close() error
}

type kwicCSV struct{ t *csvTable }

// NewKWICCSV returns a writer of KWICColumns, in the same CSV dialect as
// NewMetricCSV.
func NewKWICCSV(w io.Writer, withBOM bool) KWICWriter {
	return kwicCSV{newCSVTable(w, withBOM, KWICColumns)}
}

func (k kwicCSV) Write(l KWICLine) error {
	s := safeCell
	return k.t.write([]string{s(l.DocID), s(l.Title), s(l.Date), s(l.Left), s(l.Match), s(l.Right), strconv.Itoa(l.Offset)})
}

func (k kwicCSV) Close() error { return k.t.close() }

type kwicJSONL struct{ j *jsonLines }

// NewKWICJSONL returns a writer of one JSON object per line, with the
// fields of KWICLine.
func NewKWICJSONL(w io.Writer) KWICWriter { return kwicJSONL{newJSONLines(w)} }

func (k kwicJSONL) Write(l KWICLine) error { return k.j.write(l) }
func (k kwicJSONL) Close() error           { return k.j.err }

type kwicText struct {
	w     io.Writer
	width int
	err   error
}

// NewKWICText returns a writer of concordance lines for reading in a
// terminal: the left context right-aligned so that every match starts in
// one column, the match, the right context padded, and the document ID.
// width is the context width in characters that KWIC was given; columns
// are reserved for twice that, as a Chinese character takes two.
func NewKWICText(w io.Writer, width int) KWICWriter { return &kwicText{w: w, width: width} }

func (k *kwicText) Write(l KWICLine) error {
	if k.err != nil {
		return k.err
	}
	cols := 2 * k.width
	left := strings.Repeat(" ", max(0, cols-uniseg.StringWidth(l.Left))) + l.Left
	right := l.Right + strings.Repeat(" ", max(0, cols-uniseg.StringWidth(l.Right)))
	_, k.err = fmt.Fprintf(k.w, "%s  %s  %s  %s\n", left, l.Match, right, l.DocID)
	return k.err
}

func (k *kwicText) Close() error { return k.err }
