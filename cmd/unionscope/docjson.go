package main

import (
	"encoding/json"
	"io"

	"github.com/unionscope/unionscope/corpus"
)

// docJSON is the shape parse and export print: the fields of
// ../shared/gold/documents.jsonl plus the id, the text as one string, and
// the metrics and campaigns.
type docJSON struct {
	ID         string            `json:"id"`
	SourceFile string            `json:"source_file"`
	Source     string            `json:"source"`
	URL        string            `json:"url"`
	Part       int               `json:"part"`
	Title      string            `json:"title"`
	Date       string            `json:"date"`
	Publisher  string            `json:"publisher"`
	Author     string            `json:"author"`
	Region     corpus.Region     `json:"region"`
	Doctype    string            `json:"doctype"`
	Body       []string          `json:"body"`
	Text       string            `json:"text"`
	Metrics    []corpus.Metric   `json:"metrics"`
	Campaigns  []corpus.Campaign `json:"campaigns"`
}

func toDocJSON(d *corpus.Document) docJSON {
	j := docJSON{
		ID: d.ID, SourceFile: d.SourceFile, Source: d.Source, URL: d.URL, Part: d.Part,
		Title: d.Title, Date: d.Date, Publisher: d.Publisher, Author: d.Author,
		Region: d.Region, Doctype: d.Doctype, Body: d.Body, Text: d.Text(),
		Metrics: d.Metrics, Campaigns: d.Campaigns,
	}
	if j.Body == nil {
		j.Body = []string{}
	}
	if j.Metrics == nil {
		j.Metrics = []corpus.Metric{}
	}
	if j.Campaigns == nil {
		j.Campaigns = []corpus.Campaign{}
	}
	return j
}

// jsonLines writes one JSON object per line, keeping Chinese and <mark>
// readable rather than \u-escaped.
type jsonLines struct{ enc *json.Encoder }

func newJSONLines(w io.Writer) *jsonLines {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonLines{enc: enc}
}

func (j *jsonLines) write(v any) error { return j.enc.Encode(v) }
