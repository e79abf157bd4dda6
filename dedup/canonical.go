package dedup

import (
	"net/url"
	"slices"
	"strings"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/zh"
)

// Source ranks, most official first.
const (
	rankUnion = iota
	rankGovernment
	rankOther
)

// sourceRank says how official a copy's origin is: a trade union (工会 in
// the publisher, or a union host) over a government site (.gov.cn, or a
// 政府 publisher) over anything else, such as a portal or an essay site.
func sourceRank(d corpus.DupDoc) int {
	pub := zh.Fold(d.Publisher)
	host := hostOf(d.URL)
	if host == "" {
		host = hostOf(d.Source)
	}
	switch {
	case strings.Contains(pub, "工会") || isUnionHost(host):
		return rankUnion
	case strings.HasSuffix(host, ".gov.cn") || strings.Contains(pub, "政府") || strings.Contains(pub, "人民代表大会"):
		return rankGovernment
	}
	return rankOther
}

func hostOf(s string) string {
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// unionHostWords are host labels that union sites use: the ACFTU and its
// workercn.cn portal, and the pinyin abbreviations 总工会 (zgh), 工会 (gh)
// and 工会网 (ghw) that provincial and city federations put in their names.
var unionHostWords = []string{"acftu", "workercn", "gonghui", "zgh", "ghw"}

func isUnionHost(host string) bool {
	if host == "" {
		return false
	}
	for _, label := range strings.Split(host, ".") {
		if label == "gh" {
			return true
		}
		for _, w := range unionHostWords {
			if strings.Contains(label, w) {
				return true
			}
		}
	}
	return false
}

// canonicalLess orders the members of a cluster, the canonical copy first:
// the earliest date (a known date before an unknown one), then the most
// official source, then the smallest ID. It is a total order on distinct
// IDs, so the choice does not depend on the order members were found in.
func canonicalLess(a, b corpus.DupDoc) int {
	switch {
	case a.Date != "" && b.Date == "":
		return -1
	case a.Date == "" && b.Date != "":
		return 1
	case a.Date != b.Date:
		return strings.Compare(a.Date, b.Date)
	}
	if ra, rb := sourceRank(a), sourceRank(b); ra != rb {
		return ra - rb
	}
	return strings.Compare(a.ID, b.ID)
}

// Canonical returns the ID of the copy that stands for the cluster.
func Canonical(members []corpus.DupDoc) string {
	if len(members) == 0 {
		return ""
	}
	return slices.MinFunc(members, canonicalLess).ID
}
