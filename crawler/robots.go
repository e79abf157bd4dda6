package crawler

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/temoto/robotstxt"
)

// maxRobotsBytes is what Google reads of a robots.txt (RFC 9309 asks for at
// least 500 KiB).
const maxRobotsBytes = 500 << 10

// robotsRules is a host's robots.txt as it applies to our user agent.
type robotsRules struct {
	group *robotstxt.Group
	delay time.Duration
}

func (rr *robotsRules) allowed(rawURL string) bool {
	if rr == nil || rr.group == nil {
		return true
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return rr.group.Test(p)
}

// agentToken is the product name robots.txt groups are matched against:
// "unionscope" for "unionscope/1 (+https://…)".
func agentToken(ua string) string {
	tok := strings.Fields(ua)
	if len(tok) == 0 {
		return "*"
	}
	name, _, _ := strings.Cut(tok[0], "/")
	return name
}

// fetchRobots reads a host's robots.txt. A missing file (4xx) allows
// everything; a server error disallows everything, as RFC 9309 says; a
// network failure is a transient error, retried like a page.
func (r *runner) fetchRobots(ctx context.Context, hostport, scheme string) result {
	res := result{robots: true, host: hostport}
	u := scheme + "://" + hostport + "/robots.txt"
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u, nil)
	if err != nil {
		res.err = err
		return res
	}
	req.Header.Set("User-Agent", r.cfg.UserAgent)
	client := *r.client
	client.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= r.cfg.MaxRedirects {
			return fmt.Errorf("robots.txt: more than %d redirects", r.cfg.MaxRedirects)
		}
		return nil
	}
	resp, err := client.Do(req)
	if err != nil {
		res.err, res.transient = err, true
		return res
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
	if err != nil {
		res.err, res.transient = err, true
		return res
	}
	res.status = resp.StatusCode
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		// An unparsable file or an odd status: behave as if there were none.
		data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	g := data.FindGroup(agentToken(r.cfg.UserAgent))
	res.rules = &robotsRules{group: g}
	if g != nil {
		res.rules.delay = g.CrawlDelay
	}
	return res
}

// disallowAll is the group of a robots.txt that forbids everything.
func disallowAll() *robotstxt.Group {
	data, _ := robotstxt.FromStatusAndBytes(http.StatusInternalServerError, nil)
	return data.FindGroup("*")
}
