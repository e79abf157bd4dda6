package quantity

import (
	"testing"

	"github.com/unionscope/unionscope/extract/rule"
)

// TestRules holds every quantity rule to its Accept and Reject examples.
func TestRules(t *testing.T) {
	for _, bad := range rule.Check("quantity.") {
		t.Error(bad)
	}
}
