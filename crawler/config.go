package crawler

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Config is a crawl's settings. It is stored with the crawl as JSON, so a
// resumed crawl keeps the scope and limits it started with.
type Config struct {
	Seeds []string `json:"seeds"`
	// AllowHosts widens the scope beyond the seeds' hosts: a host is in
	// scope when it is one of these or a subdomain of one.
	AllowHosts []string `json:"allow_hosts,omitempty"`
	// Include and Exclude are regular expressions on canonical URLs; with
	// Include set, a URL must match one of them (start URLs excepted).
	Include []string `json:"include,omitempty"`
	Exclude []string `json:"exclude,omitempty"`

	// MaxPages bounds the URLs requested, MaxDepth the links followed from
	// a start URL (pagination does not count), MaxTime one run's duration,
	// PerHostBudget the requests to one host, and PatternCap the URLs of one
	// Pattern, which catches calendars and other endless generators.
	MaxPages      int           `json:"max_pages"`
	MaxDepth      int           `json:"max_depth"`
	MaxTime       time.Duration `json:"max_time"`
	PerHostBudget int           `json:"per_host_budget"`
	PatternCap    int           `json:"pattern_cap"`

	// Rate is requests per second to one host; robots.txt Crawl-delay can
	// only lower it. HostConcurrency bounds parallel requests to one host,
	// Concurrency those to all.
	Rate            float64 `json:"rate"`
	HostConcurrency int     `json:"host_concurrency"`
	Concurrency     int     `json:"concurrency"`

	UserAgent    string        `json:"user_agent"`
	Timeout      time.Duration `json:"timeout"`
	MaxBytes     int64         `json:"max_bytes"`
	MaxRedirects int           `json:"max_redirects"`
	// MaxRetries is how often a URL is tried again after a timeout, a 5xx
	// or a 429; the n-th retry waits about Backoff·2ⁿ⁻¹, jittered, or what
	// Retry-After asks, up to MaxRetryAfter.
	MaxRetries    int           `json:"max_retries"`
	Backoff       time.Duration `json:"backoff"`
	MaxRetryAfter time.Duration `json:"max_retry_after"`
	// After BreakerFailures failures in a row a host is left alone for
	// BreakerCooldown, doubled each time; after breakerTrips such pauses
	// its remaining URLs fail.
	BreakerFailures int           `json:"breaker_failures"`
	BreakerCooldown time.Duration `json:"breaker_cooldown"`

	// TopicFilter and MinBody are for the sink that stores articles: keep
	// only pages about unions or workers, with at least MinBody characters
	// of body.
	TopicFilter bool `json:"topic_filter"`
	MinBody     int  `json:"min_body"`
}

// DefaultConfig returns settings that are polite to a small portal.
func DefaultConfig() Config {
	return Config{
		MaxPages:        5000,
		MaxDepth:        4,
		MaxTime:         12 * time.Hour,
		PerHostBudget:   20000,
		PatternCap:      2000,
		Rate:            1,
		HostConcurrency: 1,
		Concurrency:     2,
		UserAgent:       "unionscope/1 (research crawler)",
		Timeout:         30 * time.Second,
		MaxBytes:        8 << 20,
		MaxRedirects:    5,
		MaxRetries:      3,
		Backoff:         2 * time.Second,
		MaxRetryAfter:   10 * time.Minute,
		BreakerFailures: 5,
		BreakerCooldown: time.Minute,
		TopicFilter:     true,
		MinBody:         100,
	}
}

const breakerTrips = 3

// compiled is a Config checked and made ready to use.
type compiled struct {
	Config
	include, exclude []*regexp.Regexp
	seedHosts        map[string]bool
	seeds            []string
}

// ErrConfig is wrapped by errors about invalid settings.
var ErrConfig = errors.New("invalid crawl settings")

func (c Config) compile() (*compiled, error) {
	cc := &compiled{Config: c, seedHosts: map[string]bool{}}
	bad := func(field string, v any, why string) error {
		return fmt.Errorf("%w: %s %v: %s", ErrConfig, field, v, why)
	}
	switch {
	case len(c.Seeds) == 0:
		return nil, bad("seeds", "[]", "no start URLs")
	case c.MaxPages < 1:
		return nil, bad("max-pages", c.MaxPages, "must be at least 1")
	case c.MaxDepth < 0:
		return nil, bad("max-depth", c.MaxDepth, "must not be negative")
	case c.MaxTime <= 0:
		return nil, bad("max-time", c.MaxTime, "must be positive")
	case c.PerHostBudget < 1:
		return nil, bad("per-host-budget", c.PerHostBudget, "must be at least 1")
	case c.PatternCap < 1:
		return nil, bad("pattern-cap", c.PatternCap, "must be at least 1")
	case c.Rate <= 0:
		return nil, bad("rate", c.Rate, "must be positive")
	case c.HostConcurrency < 1:
		return nil, bad("host-concurrency", c.HostConcurrency, "must be at least 1")
	case c.Concurrency < 1:
		return nil, bad("concurrency", c.Concurrency, "must be at least 1")
	case c.Timeout <= 0:
		return nil, bad("timeout", c.Timeout, "must be positive")
	case c.MaxBytes < 1:
		return nil, bad("max-bytes", c.MaxBytes, "must be positive")
	case c.MaxRedirects < 0, c.MaxRetries < 0, c.Backoff < 0, c.MaxRetryAfter < 0, c.BreakerFailures < 1, c.BreakerCooldown < 0:
		return nil, bad("retry settings", fmt.Sprintf("%d/%d/%v/%v/%d/%v", c.MaxRedirects, c.MaxRetries, c.Backoff, c.MaxRetryAfter, c.BreakerFailures, c.BreakerCooldown), "out of range")
	case strings.TrimSpace(c.UserAgent) == "":
		return nil, bad("user-agent", `""`, "must identify the crawler")
	}
	for _, s := range c.Seeds {
		u, err := canonicalURL(s, nil)
		if err != nil {
			return nil, bad("start URL", s, err.Error())
		}
		cc.seeds = append(cc.seeds, u.String())
		cc.seedHosts[bareHost(u.Host)] = true
	}
	for _, h := range c.AllowHosts {
		if strings.TrimSpace(h) == "" || strings.ContainsAny(h, "/ ") {
			return nil, bad("allow-host", h, "must be a host name such as example-union.cn")
		}
	}
	for _, p := range c.Include {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, bad("include", p, err.Error())
		}
		cc.include = append(cc.include, re)
	}
	for _, p := range c.Exclude {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, bad("exclude", p, err.Error())
		}
		cc.exclude = append(cc.exclude, re)
	}
	return cc, nil
}

// bareHost drops the port and a leading "www.", so www.x.cn and x.cn are
// one site.
func bareHost(hostport string) string {
	h := hostport
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.HasSuffix(h, "]") {
		h = h[:i]
	}
	return strings.TrimPrefix(strings.ToLower(h), "www.")
}

// inScope reports whether u may be crawled, and why not.
func (c *compiled) inScope(u string, seed bool) (bool, string) {
	pu, err := url.Parse(u)
	if err != nil {
		return false, "bad url"
	}
	if !c.hostInScope(pu.Host) {
		return false, "out of scope"
	}
	for _, re := range c.exclude {
		if re.MatchString(u) {
			return false, "excluded"
		}
	}
	if len(c.include) > 0 && !seed {
		for _, re := range c.include {
			if re.MatchString(u) {
				return true, ""
			}
		}
		return false, "not included"
	}
	return true, ""
}

func (c *compiled) hostInScope(hostport string) bool {
	h := bareHost(hostport)
	if c.seedHosts[h] {
		// The seed's host with its port, or a www. twin on the same port.
		for _, s := range c.seeds {
			su, _ := url.Parse(s)
			if su != nil && bareHost(su.Host) == h && portOf(su.Host) == portOf(hostport) {
				return true
			}
		}
	}
	for _, a := range c.AllowHosts {
		a = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(a)), ".")
		full := hostport
		if i := strings.LastIndexByte(full, ':'); i >= 0 && !strings.HasSuffix(full, "]") {
			full = full[:i]
		}
		full = strings.ToLower(full)
		if full == a || strings.HasSuffix(full, "."+a) || bareHost(a) == h {
			return true
		}
	}
	return false
}

// portOf is the explicit port of a canonical host, "" for the default.
func portOf(hostport string) string {
	if i := strings.LastIndexByte(hostport, ':'); i >= 0 && !strings.HasSuffix(hostport, "]") {
		return hostport[i+1:]
	}
	return ""
}
