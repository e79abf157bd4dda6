package crawler

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

func TestCanonicalize(t *testing.T) {
	base, _ := url.Parse("http://www.example-union.cn/gzdt/202407/index.html")
	tests := []struct {
		in, want string
		err      error
	}{
		{"HTTP://WWW.Example-Union.CN:80/gzdt/", "http://www.example-union.cn/gzdt/", nil},
		{"https://www.example-union.cn:443", "https://www.example-union.cn/", nil},
		{"http://www.example-union.cn:8080/a", "http://www.example-union.cn:8080/a", nil},
		{"t20240712_1.html#comments", "http://www.example-union.cn/gzdt/202407/t20240712_1.html", nil},
		{"../index_2.html", "http://www.example-union.cn/gzdt/index_2.html", nil},
		{"/a/./b/../c.html", "http://www.example-union.cn/a/c.html", nil},
		{"http://www.example-union.cn/a/%7euser/%e5%b7%a5", "http://www.example-union.cn/a/~user/%E5%B7%A5", nil},
		{"http://www.example-union.cn/新闻/工会.html", "http://www.example-union.cn/%E6%96%B0%E9%97%BB/%E5%B7%A5%E4%BC%9A.html", nil},
		{"a.html?utm_source=wx&id=3&utm_medium=app&spm=1.2&from=timeline", "http://www.example-union.cn/gzdt/202407/a.html?id=3", nil},
		{"a.jsp?b=2&a=1&a=0", "http://www.example-union.cn/gzdt/202407/a.jsp?a=0&a=1&b=2", nil},
		{"a.jsp;jsessionid=0A1B2C3D4E5F?id=1", "http://www.example-union.cn/gzdt/202407/a.jsp?id=1", nil},
		{"a.php?PHPSESSID=abc&id=1", "http://www.example-union.cn/gzdt/202407/a.php?id=1", nil},
		{"list.asp?sid=3", "http://www.example-union.cn/gzdt/202407/list.asp?sid=3", nil},
		{"list.asp?sid=0123456789abcdef0123", "http://www.example-union.cn/gzdt/202407/list.asp", nil},
		{"a.html?", "http://www.example-union.cn/gzdt/202407/a.html", nil},
		{"  \thttp://user:pw@www.example-union.cn/x\n ", "http://www.example-union.cn/x", nil},
		{"http://www.example-union.cn.", "http://www.example-union.cn/", nil},
		{"http://工会.example/", "http://xn--6oq837a.example/", nil},
		{"javascript:void(0)", "", ErrNotHTTP},
		{"mailto:gh@example-union.cn", "", ErrNotHTTP},
		{"ftp://example-union.cn/a", "", ErrNotHTTP},
		{"/x/y/x/y/x/y/x.html", "", ErrTrap},
		{"/" + strings.Repeat("a", 3000), "", ErrTrap},
	}
	for _, tt := range tests {
		got, err := Canonicalize(tt.in, base)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("Canonicalize(%q) error = %v, want %v", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Canonicalize(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestPattern(t *testing.T) {
	tests := []struct{ in, want string }{
		{"http://a.cn/gzdt/index_12.html", "a.cn/gzdt/index_N.html"},
		{"http://a.cn/calendar?date=2024-01-05", "a.cn/calendar?date=N-N-N"},
		{"http://a.cn/gzdt/202407/t20240712_1234.html", "a.cn/gzdt/N/tN_N.html"},
	}
	for _, tt := range tests {
		if got := Pattern(tt.in); got != tt.want {
			t.Errorf("Pattern(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzCanonicalize checks that canonical URLs are fixed points, parse as
// absolute http(s) URLs, and carry no fragment, user info or tracking.
func FuzzCanonicalize(f *testing.F) {
	for _, s := range []string{
		"http://www.example-union.cn/gzdt/", "../a.html?utm_source=x#f", "HTTP://A.CN:80/%7e/./b/../c?b=1&a=2",
		"a.jsp;jsessionid=ABC?x=%zz", "http://[::1]:8080/a", "http://工会.example/新闻?q=职工", "//other.cn/p", "?page=2",
	} {
		f.Add(s)
	}
	base, _ := url.Parse("http://www.example-union.cn/gzdt/202407/index.html")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := Canonicalize(in, base)
		if err != nil {
			return
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("Canonicalize(%q) = %q, which does not parse: %v", in, got, err)
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Fragment != "" || u.User != nil {
			t.Fatalf("Canonicalize(%q) = %q: not an absolute http URL without fragment and user", in, got)
		}
		if q, err := url.ParseQuery(u.RawQuery); err == nil {
			for k, vs := range q {
				for _, v := range vs {
					if isTracking(k) || isSessionKey(k, v) {
						t.Fatalf("Canonicalize(%q) = %q keeps the parameter %q", in, got, k)
					}
				}
			}
		}
		again, err := Canonicalize(got, nil)
		if err != nil || again != got {
			t.Fatalf("Canonicalize(%q) = %q, but canonicalising that gives %q, %v", in, got, again, err)
		}
		Pattern(got)
	})
}
