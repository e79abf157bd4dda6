package crawler

import "strings"

// topicWords mark a page as being about unions or workers, in both scripts.
var topicWords = []string{"工会", "工會", "职工", "職工", "劳模", "勞模"}

// OnTopic reports whether text is about unions or workers: the relevance
// rule a sink applies unless the user switches it off.
func OnTopic(text string) bool {
	for _, w := range topicWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}
