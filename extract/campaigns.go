package extract

import (
	"slices"
	"strings"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/extract/campaign"
	"github.com/unionscope/unionscope/extract/rule"
)

// titleCampaigns reads the title with the body for the campaigns a
// document names: a report's headline often names the campaign that its
// body only calls 此次活动.
var titleCampaigns = rule.New(rule.Rule{
	Name: "title.campaigns",
	Why: "the title is part of what a document says: a campaign its headline names (县总工会开展“…”系列活动) " +
		"is the document's, though the body goes on to call it 此次活动",
	Accept: "县总工会开展“情暖万家”系列活动\n近日，县总工会走访了二十户困难职工。",
	Reject: "县总工会开展“情暖万家”系列活动\n近日，县总工会开展“情暖万家”系列活动。",
	Fires: func(s string) bool {
		title, body, _ := strings.Cut(s, "\n")
		return !slices.Equal(names(campaign.Extract(title+"\n"+body)), names(campaign.Extract(body)))
	},
})

func names(cs []corpus.Campaign) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}

// campaignText returns the text campaigns are read from: the body, after
// the title when title.campaigns is on.
func campaignText(title, body string) string {
	if title == "" || !titleCampaigns.On() {
		return body
	}
	return title + "\n" + body
}
