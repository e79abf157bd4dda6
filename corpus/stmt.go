package corpus

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache holds the store's statements, prepared once: the driver
// compiles a statement's SQL again on every Exec or Query, which was a
// third of the time an import spent storing documents.
type stmtCache struct {
	db *sql.DB
	m  sync.Map // query text → *sql.Stmt
}

func (c *stmtCache) get(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := c.m.Load(q); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := c.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if old, loaded := c.m.LoadOrStore(q, st); loaded {
		st.Close()
		return old.(*sql.Stmt), nil
	}
	return st, nil
}

func (c *stmtCache) close() {
	c.m.Range(func(_, st any) bool {
		st.(*sql.Stmt).Close()
		return true
	})
}

// txn is a transaction whose statements come from the store's cache;
// database/sql reuses a statement already prepared on the transaction's
// connection.
type txn struct {
	*sql.Tx
	c *stmtCache
}

func (s *Store) begin(ctx context.Context) (txn, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	return txn{Tx: tx, c: &s.stmts}, err
}

func (t txn) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := t.c.get(ctx, q)
	if err != nil {
		return nil, err
	}
	return t.StmtContext(ctx, st).ExecContext(ctx, args...)
}

func (t txn) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := t.c.get(ctx, q)
	if err != nil {
		return nil, err
	}
	return t.StmtContext(ctx, st).QueryContext(ctx, args...)
}

func (t txn) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	st, err := t.c.get(ctx, q)
	if err != nil {
		// A Row carries its error to Scan; the plain query fails the same.
		return t.Tx.QueryRowContext(ctx, q, args...)
	}
	return t.StmtContext(ctx, st).QueryRowContext(ctx, args...)
}
