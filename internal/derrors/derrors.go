// Package derrors defines the kinds of error that several layers report and
// each front end answers in its own way: a bad parameter is exit status 1
// on the command line and 400 over HTTP, whether the index, a report or the
// front end itself found it.
package derrors

import (
	"errors"
	"fmt"
)

// InvalidArgument is the kind of every bad-parameter error:
// errors.Is(err, InvalidArgument) holds for a *ParamError however deeply
// it is wrapped.
var InvalidArgument = errors.New("invalid argument")

// ParamError reports a parameter the caller got wrong. Param names it as
// the HTTP API spells it ("q", "year", "size" …), so that a response or a
// message can point at it.
type ParamError struct {
	Param string
	Msg   string
}

func (e *ParamError) Error() string { return fmt.Sprintf("invalid %s: %s", e.Param, e.Msg) }

// Is makes a ParamError match InvalidArgument.
func (e *ParamError) Is(target error) bool { return target == InvalidArgument }

// BadParam returns a *ParamError for param with a formatted message.
func BadParam(param, format string, args ...any) *ParamError {
	return &ParamError{Param: param, Msg: fmt.Sprintf(format, args...)}
}
