package derrors

import (
	"errors"
	"fmt"
	"testing"
)

func TestParamErrorIsInvalidArgument(t *testing.T) {
	err := fmt.Errorf("search: %w", BadParam("year", "%q is not a year", "20x1"))
	if !errors.Is(err, InvalidArgument) {
		t.Errorf("errors.Is(%v, InvalidArgument) = false", err)
	}
	var p *ParamError
	if !errors.As(err, &p) || p.Param != "year" || p.Error() != `invalid year: "20x1" is not a year` {
		t.Errorf("errors.As = %+v", p)
	}
	if errors.Is(errors.New("invalid year"), InvalidArgument) {
		t.Error("an unrelated error is InvalidArgument")
	}
}
