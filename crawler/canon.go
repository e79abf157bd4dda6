package crawler

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"sort"
	"strings"

	"golang.org/x/net/idna"
)

// ErrNotHTTP is returned for links that no crawler fetches: mailto:,
// javascript:, data: and other schemes.
var ErrNotHTTP = errors.New("not an http url")

// ErrTrap is returned for URLs whose shape betrays a crawler trap: paths
// that repeat a segment over and over, or that are absurdly long.
var ErrTrap = errors.New("url looks like a crawler trap")

const (
	maxURLLen       = 2048
	maxSegmentRepes = 3
)

// trackingParams are query keys that identify a visitor or a campaign,
// never the page; every spelling of a page with them is the same page.
var trackingParams = map[string]bool{
	"spm": true, "scm": true, "from": true, "fbclid": true, "gclid": true, "msclkid": true,
	"yclid": true, "_hsenc": true, "_hsmi": true, "mc_cid": true, "mc_eid": true,
	"isappinstalled": true, "scene": true, "clicktime": true, "enterid": true, "share_token": true,
	"_": true, // jQuery's cache buster
}

// sessionParams are query keys and path parameters that carry a session:
// a crawler that keeps them sees each page anew on every visit.
var sessionParams = map[string]bool{
	"jsessionid": true, "phpsessid": true, "sessionid": true, "session_id": true,
	"sessid": true, "cfid": true, "cftoken": true, "jsid": true, "wicket:interface": true,
}

// isSessionKey reports whether a query pair carries a session. "sid" also
// names a site or section in many Chinese CMSs, so it counts only when its
// value looks like a token.
func isSessionKey(key, value string) bool {
	k := strings.ToLower(key)
	if sessionParams[k] || strings.HasPrefix(k, "aspsessionid") {
		return true
	}
	return (k == "sid" || k == "session") && len(value) >= 16 && isToken(value)
}

func isToken(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func isTracking(key string) bool {
	k := strings.ToLower(key)
	return trackingParams[k] || strings.HasPrefix(k, "utm_")
}

// Canonicalize resolves ref against base (nil when ref is absolute) and
// returns the one spelling the crawler uses for the page: lower-case scheme
// and host (IDNs in ASCII), no default port, user info or fragment, dot
// segments resolved, percent-escapes normalised, session IDs and tracking
// parameters removed, and the query sorted.
func Canonicalize(ref string, base *url.URL) (string, error) {
	u, err := canonicalURL(ref, base)
	if err != nil {
		return "", err
	}
	return u.String(), nil
}

func canonicalURL(ref string, base *url.URL) (*url.URL, error) {
	ref = strings.TrimSpace(ref)
	// Browsers drop tabs and newlines inside URLs; portals' templates put
	// them there.
	ref = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(ref)
	ref = strings.ReplaceAll(ref, `\`, "/")
	if len(ref) > 3*maxURLLen {
		return nil, fmt.Errorf("%w: %d bytes", ErrTrap, len(ref))
	}
	u, err := url.Parse(ref)
	if err != nil {
		return nil, fmt.Errorf("parse url %q: %w", ref, err)
	}
	if base == nil {
		base = u
	}
	// ResolveReference also removes dot segments from an absolute ref.
	u = base.ResolveReference(u)
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: %q", ErrNotHTTP, trim(ref))
	}
	if u.Opaque != "" {
		return nil, fmt.Errorf("%w: %q", ErrNotHTTP, trim(ref))
	}
	host, err := canonicalHost(u)
	if err != nil {
		return nil, fmt.Errorf("url %q: %w", trim(ref), err)
	}
	out := &url.URL{Scheme: u.Scheme, Host: host}

	p := normalizeEscapes(stripPathParams(u.EscapedPath()))
	if p == "" {
		p = "/"
	}
	if err := checkTrap(p); err != nil {
		return nil, fmt.Errorf("url %q: %w", trim(ref), err)
	}
	out.Path, out.RawPath = p, ""
	if dp, err := url.PathUnescape(p); err == nil {
		out.Path, out.RawPath = dp, p
	}
	out.RawQuery = canonicalQuery(u.RawQuery)
	// What the crawler stores must read back as the same URL.
	if n := len(out.String()); n > maxURLLen {
		return nil, fmt.Errorf("%w: %d bytes", ErrTrap, n)
	}
	if _, err := url.Parse(out.String()); err != nil {
		return nil, fmt.Errorf("url %q: %w", trim(ref), err)
	}
	return out, nil
}

func trim(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

func canonicalHost(u *url.URL) (string, error) {
	host := strings.TrimRight(strings.ToLower(u.Hostname()), ".")
	if host == "" || strings.HasPrefix(host, ".") || strings.Contains(host, "..") {
		return "", fmt.Errorf("no valid host in %q", u.Host)
	}
	if !strings.Contains(host, ":") { // not an IPv6 literal
		ascii, err := idna.Lookup.ToASCII(host)
		if err != nil {
			return "", fmt.Errorf("host %q: %w", host, err)
		}
		host = ascii
	} else {
		if _, err := netip.ParseAddr(host); err != nil {
			return "", fmt.Errorf("host %q: %w", host, err)
		}
		host = "[" + host + "]"
	}
	port := u.Port()
	if port == "" || u.Scheme == "http" && port == "80" || u.Scheme == "https" && port == "443" {
		return host, nil
	}
	return host + ":" + port, nil
}

// stripPathParams removes ;jsessionid=... and similar session parameters
// that servers append to path segments.
func stripPathParams(p string) string {
	if !strings.Contains(p, ";") {
		return p
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		parts := strings.Split(s, ";")
		kept := parts[:1]
		for _, param := range parts[1:] {
			k, v, _ := strings.Cut(param, "=")
			if !isSessionKey(k, v) && !strings.EqualFold(k, "sid") {
				kept = append(kept, param)
			}
		}
		segs[i] = strings.Join(kept, ";")
	}
	return strings.Join(segs, "/")
}

// normalizeEscapes decodes escapes of unreserved characters and upper-cases
// the hex of the others (RFC 3986 6.2.2), leaving malformed ones alone.
func normalizeEscapes(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '%' || i+2 >= len(s) {
			b.WriteByte(c)
			continue
		}
		h, l := unhex(s[i+1]), unhex(s[i+2])
		if h < 0 || l < 0 {
			b.WriteByte(c)
			continue
		}
		v := byte(h<<4 | l)
		if isUnreserved(v) {
			b.WriteByte(v)
		} else {
			b.WriteString("%" + strings.ToUpper(s[i+1:i+3]))
		}
		i += 2
	}
	return b.String()
}

func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return int(c - 'A' + 10)
	}
	return -1
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}

// checkTrap rejects paths in which one segment recurs many times, the mark
// of relative links that resolve deeper on every visit (/a/b/a/b/a/b/).
func checkTrap(p string) error {
	seen := map[string]int{}
	for _, s := range strings.Split(p, "/") {
		if s == "" {
			continue
		}
		if seen[s]++; seen[s] >= maxSegmentRepes {
			return fmt.Errorf("%w: segment %q repeats", ErrTrap, trim(s))
		}
	}
	return nil
}

type pair struct{ key, value, raw string }

// canonicalQuery drops tracking and session pairs and sorts the rest by
// key and value, keeping pairs with equal keys in order.
func canonicalQuery(q string) string {
	if q == "" {
		return ""
	}
	var pairs []pair
	for _, part := range strings.Split(q, "&") {
		if part == "" {
			continue
		}
		rk, rv, hasValue := strings.Cut(part, "=")
		k, errK := url.QueryUnescape(rk)
		v, errV := url.QueryUnescape(rv)
		if errK != nil || errV != nil {
			pairs = append(pairs, pair{rk, rv, normalizeEscapes(part)})
			continue
		}
		if isTracking(k) || isSessionKey(k, v) {
			continue
		}
		raw := url.QueryEscape(k)
		if hasValue {
			raw += "=" + url.QueryEscape(v)
		}
		pairs = append(pairs, pair{k, v, raw})
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		if pairs[i].key != pairs[j].key {
			return pairs[i].key < pairs[j].key
		}
		return pairs[i].value < pairs[j].value
	})
	raws := make([]string, len(pairs))
	for i, p := range pairs {
		raws[i] = p.raw
	}
	return strings.Join(raws, "&")
}

// Pattern is the shape of a canonical URL: host and path with every run of
// digits folded to N, and the query keys with their values so folded.
// Pages of one list, days of one calendar and articles of one column share
// a pattern, which is what the per-pattern cap counts.
func Pattern(canonical string) string {
	u, err := url.Parse(canonical)
	if err != nil {
		return foldDigits(canonical)
	}
	p := u.Host + foldDigits(u.EscapedPath())
	if u.RawQuery != "" {
		p += "?" + foldDigits(u.RawQuery)
	}
	return p
}

func foldDigits(s string) string {
	var b strings.Builder
	inRun := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			if !inRun {
				b.WriteByte('N')
			}
			inRun = true
			continue
		}
		inRun = false
		b.WriteByte(c)
	}
	return b.String()
}
