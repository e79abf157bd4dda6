package httpapi

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestSearchTurns checks the bound on searches at once: a search waits
// while MaxSearches run, gives up at its deadline, and runs once one ends.
func TestSearchTurns(t *testing.T) {
	s := &Server{MaxSearches: 2}
	ctx := context.Background()
	done1, err := s.searchTurn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	done2, err := s.searchTurn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := s.searchTurn(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("third search at once: %v, want the deadline", err)
	}
	got := make(chan error, 1)
	go func() {
		done, err := s.searchTurn(ctx)
		if err == nil {
			done()
		}
		got <- err
	}()
	done1()
	if err := <-got; err != nil {
		t.Fatalf("search after one ended: %v", err)
	}
	done2()

	// No bound: any number at once.
	u := &Server{MaxSearches: -1}
	for range 100 {
		if _, err := u.searchTurn(short); err != nil {
			t.Fatal(err)
		}
	}
}
