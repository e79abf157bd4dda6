package report

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/index"
	"github.com/unionscope/unionscope/internal/derrors"
	"github.com/unionscope/unionscope/zh"
)

// CampaignCount is how many documents mention one campaign, and how often.
type CampaignCount struct {
	// Name is the spelling most documents use.
	Name string `json:"name"`
	// Key is what the spellings share; pass it as the campaign filter.
	Key string `json:"key"`
	// Group is the year or the region when counts are grouped, "" when
	// the documents' year or region is unknown or counts are not grouped.
	Group    string `json:"group"`
	Docs     int    `json:"docs"`
	Mentions int    `json:"mentions"`
}

// Groupings Campaigns accepts.
var Groupings = []string{"", "year", "region"}

// CheckGrouping returns a *derrors.ParamError unless by is one of
// Groupings.
func CheckGrouping(by string) error {
	if !slices.Contains(Groupings, by) {
		return derrors.BadParam("by", "unknown grouping %q (year, region)", by)
	}
	return nil
}

// campaignQuery reads campaigns in key order, as metricQuery does.
const campaignQuery = `SELECT d.id, d.year, d.province, d.city, d.county, c.key, c.name, c.count
	FROM campaigns c CROSS JOIN documents d ON d.id = c.doc_id
	WHERE %s
	ORDER BY c.doc_id, c.key`

// Campaigns counts, for each campaign the documents req selects mention,
// the documents and the mentions; by "year" or "region" counts each
// campaign per year or per region (the province, or the most specific
// level known when the province is not). Campaigns come in order of their
// documents overall, most first, then by key; a campaign's groups in
// ascending order. x may be nil when req selects every document.
func Campaigns(ctx context.Context, st *corpus.Store, x *index.Index, req index.Request, by string) ([]CampaignCount, error) {
	if err := CheckGrouping(by); err != nil {
		return nil, err
	}
	type slot struct{ key, group string }
	counts := map[slot]*CampaignCount{}
	spellings := map[string]map[string]int{} // key → name → documents
	// A document may hold two spellings that one key joins; it counts once.
	seen := map[string]bool{}
	lastDoc := ""
	err := selectDocs(ctx, st, x, req, "c.doc_id", campaignQuery, nil, func(rows *sql.Rows) error {
		var id, key, name string
		var year, n int
		var region corpus.Region
		if err := rows.Scan(&id, &year, &region.Province, &region.City, &region.County, &key, &name, &n); err != nil {
			return err
		}
		if id != lastDoc {
			clear(seen)
			lastDoc = id
		}
		// Keyed again, so that spellings of one campaign meet even where
		// an older extractor stored a key in traditional script or with
		// quotes: the index and the extractor key with zh.NameKey too.
		key = zh.NameKey(key)
		if key == "" {
			return nil
		}
		s := slot{key: key}
		switch by {
		case "year":
			if year != 0 {
				s.group = strconv.Itoa(year)
			}
		case "region":
			s.group = region.Province
			if s.group == "" {
				s.group = region.Most()
			}
		}
		c := counts[s]
		if c == nil {
			c = &CampaignCount{Key: key, Group: s.group}
			counts[s] = c
		}
		c.Mentions += n
		if seen[key] {
			return nil
		}
		seen[key] = true
		c.Docs++
		if spellings[key] == nil {
			spellings[key] = map[string]int{}
		}
		spellings[key][name]++
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("campaigns %q: %w", req.Query, err)
	}

	total := map[string]int{}
	out := make([]CampaignCount, 0, len(counts))
	for _, c := range counts {
		c.Name = commonName(c.Key, spellings[c.Key])
		total[c.Key] += c.Docs
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b CampaignCount) int {
		return cmp.Or(
			cmp.Compare(total[b.Key], total[a.Key]),
			cmp.Compare(a.Key, b.Key),
			cmp.Compare(a.Group, b.Group),
		)
	})
	return out, nil
}

// commonName picks the spelling most documents use; on a tie the one
// written as the key (simplified), then the first in code-point order, so
// the choice never depends on map order.
func commonName(key string, names map[string]int) string {
	best, bestN := key, -1
	for name, n := range names {
		switch {
		case n > bestN,
			n == bestN && name == key,
			n == bestN && best != key && name < best:
			best, bestN = name, n
		}
	}
	return best
}
