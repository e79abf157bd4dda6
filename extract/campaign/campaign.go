// Package campaign finds the named campaigns, activities, programmes,
// competitions and honours that unions run or award in Chinese text.
package campaign

import "github.com/unionscope/unionscope/corpus"

// Extract returns the campaigns named in text, sorted by first mention;
// never nil.
func Extract(text string) []corpus.Campaign {
	return []corpus.Campaign{}
}

// Normalize returns the key under which two spellings of one campaign name
// are the same campaign.
func Normalize(name string) string { return name }
