// Package report writes the corpus's tables — quantities, campaign counts,
// keyword-in-context lines — as CSV, JSON lines or text for analysis tools.
//
// Every table is computed from the store, the source of truth, and the
// index only chooses which documents take part: a request with an empty
// query and no filters means every document and needs no index at all.
// Rows are streamed in document-ID order, a batch of documents at a time,
// so an export's memory does not grow with its length.
package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/unionscope/unionscope/corpus"
	"github.com/unionscope/unionscope/index"
)

// batchSize is how many document IDs one SQL query takes; far below
// SQLite's limit on bound parameters, and large enough that a query's
// overhead does not matter.
const batchSize = 500

// errStop ends an index scan early once a caller's limit is reached.
var errStop = errors.New("stop")

// everything reports whether req selects the whole corpus.
func everything(req index.Request) bool {
	return strings.TrimSpace(req.Query) == "" && req.YearFrom == 0 && req.YearTo == 0 &&
		req.Region == "" && req.Doctype == "" && req.Campaign == ""
}

// eachBatch calls fn with the IDs of the documents req selects, in ID
// order, at most batchSize at a time. It does not call fn when req selects
// everything: the caller then reads the tables whole.
func eachBatch(ctx context.Context, x *index.Index, req index.Request, fn func(ids []string) error) error {
	if x == nil {
		return errors.New("a query or filter needs the index, and none is open")
	}
	ids := make([]string, 0, batchSize)
	err := x.MatchingIDs(ctx, req, func(id string) error {
		ids = append(ids, id)
		if len(ids) < batchSize {
			return nil
		}
		err := fn(ids)
		ids = ids[:0]
		return err
	})
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		return fn(ids)
	}
	return nil
}

// inList returns "(?,?,…)" for n parameters and the IDs as arguments.
func inList(ids []string) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return "(" + strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",") + ")", args
}

// queryRows runs q and calls fn for each row, closing the rows however fn
// returns.
func queryRows(ctx context.Context, st *corpus.Store, q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := st.DB().QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return rows.Close()
}

// selectDocs runs a query over the documents req selects: q must contain
// one %s where the document condition goes ("TRUE" for every document, or
// "d.id IN (…)" for a batch) and order its rows by document ID.
func selectDocs(ctx context.Context, st *corpus.Store, x *index.Index, req index.Request, q string, args []any, fn func(*sql.Rows) error) error {
	if everything(req) {
		if err := req.Validate(); err != nil {
			return err
		}
		return queryRows(ctx, st, fmt.Sprintf(q, "1"), args, fn)
	}
	return eachBatch(ctx, x, req, func(ids []string) error {
		in, idArgs := inList(ids)
		return queryRows(ctx, st, fmt.Sprintf(q, "d.id IN "+in), append(idArgs, args...), fn)
	})
}
