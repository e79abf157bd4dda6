package crawler

import (
	"sync"
	"time"
)

// fakeClock is a Clock whose time moves only when the crawler waits: each
// wait returns at once, with the time moved on by its length. Rate limits,
// backoffs and Retry-After pauses then cost a test no real time, and the
// portal reading the same clock sees the spacing the limiter chose,
// without the jitter of a real one.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{t: time.Now()} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	ch := make(chan time.Time, 1)
	ch <- c.t
	return ch
}
