package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/internal/derrors"
)

// httpError is an error with its own status, for the cases that are not a
// bad parameter or a missing document (unknown route, wrong method).
type httpError struct {
	status int
	param  string
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func notFound(param, msg string) error {
	return &httpError{status: http.StatusNotFound, param: param, msg: msg}
}

// errorBody is the JSON every error response carries.
type errorBody struct {
	Error string `json:"error"`
	Param string `json:"param,omitempty"`
}

// writeError is the one place that turns an error into a response: 400 for
// bad parameters, 404 for unknown documents and routes, 503 when the
// request ran out of time, and 500, with the details only in the log, for
// everything else.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status, body := http.StatusInternalServerError, errorBody{Error: "internal error"}
	var he *httpError
	var inv *derrors.ParamError
	switch {
	case errors.As(err, &he):
		status, body = he.status, errorBody{Error: he.msg, Param: he.param}
	case errors.As(err, &inv):
		status, body = http.StatusBadRequest, errorBody{Error: inv.Error(), Param: inv.Param}
	case errors.Is(err, corpus.ErrNotFound):
		status, body = http.StatusNotFound, errorBody{Error: err.Error(), Param: "id"}
	case errors.Is(err, context.DeadlineExceeded):
		status, body = http.StatusServiceUnavailable, errorBody{Error: "request took too long; narrow the query"}
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads the answer.
		return
	}
	if status >= 500 {
		s.logger().Error("request failed", "method", r.Method, "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
	}
	if sw, ok := w.(*statusWriter); ok && sw.status != 0 {
		// A streamed answer has begun, so the status can no longer say
		// that it failed. Aborting the connection is the only way left to
		// keep a client from taking a truncated CSV for a whole one;
		// net/http recovers this sentinel value without logging a stack.
		s.logger().Error("streamed response cut short", "path", r.URL.Path, "err", err)
		panic(http.ErrAbortHandler)
	}
	w.Header().Del("Content-Disposition")
	writeJSON(w, status, body)
}

// writeJSON writes v as the response, leaving <mark> and Chinese as they
// are rather than \u-escaped.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	// The status line has gone out; a failed write means the client left.
	_ = enc.Encode(v)
}
