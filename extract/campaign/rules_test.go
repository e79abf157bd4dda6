package campaign

import (
	"testing"

	"github.com/unionscope/unionscope/extract/rule"
)

// TestRules holds every campaign rule to its Accept and Reject examples.
func TestRules(t *testing.T) {
	for _, bad := range rule.Check("campaign.") {
		t.Error(bad)
	}
}
