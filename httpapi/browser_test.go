package httpapi

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/unionscope/unionscope/corpus"
)

var screenshots = flag.String("screenshots", "", "also save the browser test's screenshots in this `dir`")

// chromiumPath is where Debian's chromium package puts the browser.
const chromiumPath = "/usr/bin/chromium"

// TestBrowser drives the page in headless Chromium as a researcher would:
// search, narrow by a facet, open a document, download the metrics CSV,
// read the concordance.
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("no %s (apt-get install chromium to run the browser test): %v", chromiumPath, err)
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ts := newTestServer(t)
	base := serveLoopback(t, ts)
	tmp := t.TempDir()
	downloads := filepath.Join(tmp, "downloads")
	// The profile lives outside t.TempDir: Chromium's helper processes can
	// still be writing it for a moment after the browser has exited, which
	// would fail TempDir's cleanup.
	profile, err := os.MkdirTemp("", "unionscope-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for range 50 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.UserDataDir(profile),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	defer cancelCtx()
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	completed := make(chan string, 1)
	chromedp.ListenTarget(ctx, func(ev any) {
		if p, ok := ev.(*browser.EventDownloadProgress); ok && p.State == browser.DownloadProgressStateCompleted {
			select {
			case completed <- p.GUID:
			default:
			}
		}
	})

	total := func(want string) chromedp.Action {
		return chromedp.Poll(`document.querySelector("#summary").dataset.total === "`+want+`"`, nil, chromedp.WithPollingTimeout(20*time.Second))
	}
	var summary, docTitle, metricsText, campaignsText, csvHref, errText string
	var kwicRows int
	step := func(name string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ctx, actions...); err != nil {
			chromedp.Run(ctx, chromedp.Text("#error", &errText, chromedp.ByQuery, chromedp.AtLeast(0)))
			t.Fatalf("%s: %v (page error: %q)", name, err, errText)
		}
	}

	step("open the page",
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllowAndName).
			WithDownloadPath(downloads).WithEventsEnabled(true),
		chromedp.Navigate(base+"/"),
		total("5"),
	)
	step("search in traditional script",
		chromedp.SendKeys("#q", "困難職工", chromedp.ByQuery),
		chromedp.Click(`#search-form button`, chromedp.ByQuery),
		total("3"),
		chromedp.Text("#summary", &summary, chromedp.ByQuery),
		chromedp.WaitVisible(`#hits .snippet mark`, chromedp.ByQuery),
		chromedp.WaitVisible(`#chart svg polyline`, chromedp.ByQuery),
	)
	if !strings.Contains(summary, "共 3 篇") {
		t.Errorf("summary %q", summary)
	}
	step("apply the region facet",
		chromedp.Click(`#facets ul[data-facet="region"] button[data-value="湖北省"]`, chromedp.ByQuery),
		total("1"),
		chromedp.WaitVisible(`#active-filters button[data-filter="region"]`, chromedp.ByQuery),
		chromedp.AttributeValue("#csv", "href", &csvHref, nil, chromedp.ByQuery),
	)
	if !strings.Contains(csvHref, "region=") || !strings.Contains(csvHref, "format=csv") {
		t.Errorf("CSV link %q does not carry the filters", csvHref)
	}
	shot(t, ctx, tmp, "results.png")

	step("open the document",
		chromedp.Click(`#hits .hit a.title`, chromedp.ByQuery),
		chromedp.WaitVisible(`#metrics-table`, chromedp.ByQuery),
		chromedp.Text("#doc h1", &docTitle, chromedp.ByQuery),
		chromedp.Text("#metrics-table", &metricsText, chromedp.ByQuery),
		chromedp.Text("#campaign-list", &campaignsText, chromedp.ByQuery),
	)
	if docTitle != "武漢市總工會春節送溫暖 慰問困難職工" || !strings.Contains(metricsText, "850,000") || !strings.Contains(campaignsText, "送溫暖") {
		t.Errorf("document view: title %q, metrics %q, campaigns %q", docTitle, metricsText, campaignsText)
	}
	shot(t, ctx, tmp, "document.png")

	step("go back and download the metrics CSV",
		chromedp.Click("#back", chromedp.ByQuery),
		total("1"),
		chromedp.Click("#csv", chromedp.ByQuery),
	)
	var guid string
	select {
	case guid = <-completed:
	case <-ctx.Done():
		t.Fatal("the CSV download did not complete")
	}
	got, err := os.ReadFile(filepath.Join(downloads, guid))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(base + csvHref)
	if err != nil {
		t.Fatal(err)
	}
	want, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) || !bytes.HasPrefix(got, []byte("\ufeffdoc_id,")) || !bytes.Contains(got, []byte("85萬元")) {
		t.Errorf("downloaded CSV:\n%s\nwant:\n%s", got, want)
	}

	step("read the concordance",
		chromedp.Click("#kwic-link", chromedp.ByQuery),
		chromedp.WaitVisible(`#kwic-table td.match`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("#kwic-table tbody tr").length`, &kwicRows),
	)
	if kwicRows != 1 {
		t.Errorf("%d concordance lines for one Hubei document, want 1", kwicRows)
	}
	shot(t, ctx, tmp, "kwic.png")

	// Documents another process stores while the page is open turn up in
	// it, and a long result pages.
	addDocs(t, ts, 45, "厂务公开")
	waitTotal(t, base+"/api/search?q="+url.QueryEscape("厂务公开"), 45)
	var hitCount int
	var current string
	step("page through new documents",
		chromedp.Navigate(base+"/#q="+url.QueryEscape("厂务公开")),
		total("45"),
		chromedp.Click(`#pager a[data-page="3"]`, chromedp.ByQuery),
		// A link to page 2 is on page 1 too: wait for the page number itself.
		chromedp.Poll(`(document.querySelector("#pager span.current") || {}).textContent === "3"`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Text("#pager span.current", &current, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("#hits .hit").length`, &hitCount),
	)
	if current != "3" || hitCount != 5 {
		t.Errorf("page %q shows %d hits, want page 3 with 5", current, hitCount)
	}

	// A repost of the Wuhan item: the hit says it is also elsewhere, and
	// the document lists the copy, which opens with its WARC record.
	repost := addRepost(t, ts.dir)
	waitTotal(t, base+"/api/search?all_copies=1&q="+url.QueryEscape("慰问金"), 2)
	waitSearch(t, base+"/api/search?q="+url.QueryEscape("慰问金"), "one hit, also at 1 place", func(total uint64, copies []int) bool {
		return total == 1 && len(copies) == 1 && copies[0] == 1
	})
	var copiesBadge, copyList, copyTitle, copyNote, provenance string
	step("see the copies of a reposted item",
		chromedp.Navigate(base+"/#q="+url.QueryEscape("慰问金")),
		total("1"),
		chromedp.Poll(`document.querySelector("#hits .hit .copies") !== null`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Text("#hits .hit .copies", &copiesBadge, chromedp.ByQuery),
		chromedp.Click(`#hits .hit a.title`, chromedp.ByQuery),
		chromedp.WaitVisible(`#copy-list`, chromedp.ByQuery),
		chromedp.Text("#copy-list", &copyList, chromedp.ByQuery),
	)
	if copiesBadge != "另见 1 处" || !strings.Contains(copyList, "文庫網") || !strings.Contains(copyList, repostSource) {
		t.Errorf("hit badge %q, copy list %q", copiesBadge, copyList)
	}
	shot(t, ctx, tmp, "copies.png")
	step("open the copy",
		chromedp.Click(`#copy-list a[data-id="`+repost+`"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#copy-note`, chromedp.ByQuery),
		chromedp.Text("#doc h1", &copyTitle, chromedp.ByQuery),
		chromedp.Text("#copy-note", &copyNote, chromedp.ByQuery),
		chromedp.Text("#provenance-table", &provenance, chromedp.ByQuery),
	)
	var docText string
	step("read the copy's page text", chromedp.Text("#doc", &docText, chromedp.ByQuery))
	if strings.Contains(docText, "null") || strings.Contains(docText, "undefined") {
		t.Errorf("document view shows a missing value: %q", docText)
	}
	if !strings.HasSuffix(copyTitle, "文庫網") || copyNote == "" ||
		!strings.Contains(provenance, "crawl-20240506.warc.gz @ 48213") || !strings.Contains(provenance, "2024-05-06 07:08") {
		t.Errorf("copy view: title %q, note %q, provenance %q", copyTitle, copyNote, provenance)
	}
}

// waitTotal polls a search until it finds want documents.
func waitTotal(t *testing.T, target string, want uint64) {
	t.Helper()
	waitSearch(t, target, fmt.Sprintf("%d documents", want), func(total uint64, _ []int) bool { return total == want })
}

// waitSearch polls a search URL until ok holds for its total and the
// copies count of each hit: the server follows the store a second at a
// time, and the page renders what the API answers when it loads.
func waitSearch(t *testing.T, target, want string, ok func(total uint64, copies []int) bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var res struct {
			Total uint64
			Hits  []struct{ Copies int }
		}
		if _, err := getJSON(context.Background(), target, &res); err != nil {
			t.Fatal(err)
		}
		var copies []int
		for _, h := range res.Hits {
			copies = append(copies, h.Copies)
		}
		if ok(res.Total, copies) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s answers %d documents, copies %v after 30s; want %s", target, res.Total, copies, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// addDocs stores n news items that mention word through a second store
// handle, as "unionscope import" in another process would.
func addDocs(t *testing.T, ts *testServer, n int, word string) {
	t.Helper()
	other, err := corpus.Open(filepath.Join(ts.dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	docs := make([]corpus.Document, n)
	for i := range docs {
		docs[i] = corpus.Document{
			Part:    i,
			Title:   fmt.Sprintf("第%d期%s简报", i+1, word),
			Date:    fmt.Sprintf("2014-%02d-01", i%12+1),
			Doctype: corpus.DoctypeNews,
			Body:    []string{"各企业工会推行" + word + "，职工代表大会审议企业重大事项。"},
		}
	}
	if _, err := other.ReplaceSource(context.Background(), "/corpus/bulletins.txt", "b", docs); err != nil {
		t.Fatal(err)
	}
}

// shot saves a screenshot of the page in dir, and in -screenshots.
func shot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	var png []byte
	if err := chromedp.Run(ctx, chromedp.FullScreenshot(&png, 100)); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	for _, d := range []string{dir, *screenshots} {
		if d == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(d, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
