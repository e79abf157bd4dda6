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

// SelectsAll reports whether req selects the whole corpus, in which case
// the functions of this package read the store alone and need no index.
func SelectsAll(req index.Request) bool {
	return strings.TrimSpace(req.Query) == "" && req.YearFrom == 0 && req.YearTo == 0 &&
		req.Region == "" && req.Doctype == "" && req.Campaign == ""
}

// eachBatch calls fn with the IDs of the documents req selects, in ID
// order, at most batchSize at a time.
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
// one %s where the document condition goes, before any other parameter,
// and order its rows by document ID. The condition is "1" for every
// document, or idColumn IN (…) for a batch; idColumn should be the
// leading column of the table's key (m.doc_id, not d.id), or SQLite may
// walk the whole table for every batch.
func selectDocs(ctx context.Context, st *corpus.Store, x *index.Index, req index.Request, idColumn, q string, args []any, fn func(*sql.Rows) error) error {
	if SelectsAll(req) {
		if err := req.Validate(); err != nil {
			return err
		}
		return queryRows(ctx, st, fmt.Sprintf(q, "1"), args, fn)
	}
	return eachBatch(ctx, x, req, func(ids []string) error {
		in, idArgs := inList(ids)
		return queryRows(ctx, st, fmt.Sprintf(q, idColumn+" IN "+in), append(idArgs, args...), fn)
	})
}
