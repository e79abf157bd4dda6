package ingest

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// Scope says which URLs of a web archive are imported, with the crawl's
// vocabulary: Include and Exclude regular expressions on the URL, and
// hosts. An archive has no start URLs to take hosts from, so Hosts, when
// set, are the only hosts (each with its subdomains) imported.
type Scope struct {
	include, exclude []*regexp.Regexp
	hosts            []string
}

// Reasons a URL is out of scope, as the import summary counts them.
const (
	ScopeNotWeb      = "not a web page" // not http(s): wget's metadata://, dns: records
	ScopeHost        = "other host"
	ScopeExcluded    = "excluded"
	ScopeNotIncluded = "not included"
)

// NewScope compiles a scope; an invalid expression or host is an error.
func NewScope(include, exclude, hosts []string) (*Scope, error) {
	s := &Scope{}
	for _, p := range include {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("--include %q: %w", p, err)
		}
		s.include = append(s.include, re)
	}
	for _, p := range exclude {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("--exclude %q: %w", p, err)
		}
		s.exclude = append(s.exclude, re)
	}
	for _, h := range hosts {
		h = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(h)), ".")
		if h == "" || strings.ContainsAny(h, "/ ") {
			return nil, fmt.Errorf("--allow-host %q: must be a host name such as example-union.cn", h)
		}
		s.hosts = append(s.hosts, strings.TrimPrefix(h, "www."))
	}
	return s, nil
}

// Allows reports whether u is imported, and if not why.
func (s *Scope) Allows(u string) (bool, string) {
	pu, err := url.Parse(u)
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
		return false, ScopeNotWeb
	}
	if s == nil {
		return true, ""
	}
	if len(s.hosts) > 0 && !s.hostAllowed(pu.Hostname()) {
		return false, ScopeHost
	}
	for _, re := range s.exclude {
		if re.MatchString(u) {
			return false, ScopeExcluded
		}
	}
	if len(s.include) == 0 {
		return true, ""
	}
	for _, re := range s.include {
		if re.MatchString(u) {
			return true, ""
		}
	}
	return false, ScopeNotIncluded
}

// hostAllowed: a host is allowed when it is one of the hosts, a subdomain
// of one, or its www. twin.
func (s *Scope) hostAllowed(h string) bool {
	h = strings.TrimPrefix(strings.ToLower(h), "www.")
	for _, a := range s.hosts {
		if h == a || strings.HasSuffix(h, "."+a) {
			return true
		}
	}
	return false
}
