package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunPrintsOneObjectPerFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.html")
	html := `<html><head><title>区总工会召开全委会议</title><meta property="article:published_time" content="2012-05-03T10:21:00+08:00"></head>` +
		`<body><div class="nav"><a href="/">首页</a></div><article><h1>区总工会召开全委会议</h1>` +
		`<p>区总工会近日召开全委会议，总结去年工作，部署今年的重点任务，会议由区总工会主席主持。</p>` +
		`<p>会议要求各级工会围绕中心、服务大局，扎实做好维权服务工作，推动工会工作再上新台阶。</p></article></body></html>`
	if err := os.WriteFile(file, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if code := run([]string{"parse", "--format", "jsonl", file, filepath.Join(dir, "missing.html")}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 1 {
		t.Fatalf("got %d lines, want 1: %q", len(lines), out.String())
	}
	var p page
	if err := json.Unmarshal([]byte(lines[0]), &p); err != nil {
		t.Fatal(err)
	}
	if p.SourceFile != file || p.Date != "2012-05-03" || len(p.Body) == 0 || !strings.Contains(strings.Join(p.Body, ""), "全委会议") {
		t.Errorf("got %+v", p)
	}
	if !strings.Contains(errs.String(), "missing.html") {
		t.Errorf("stderr %q does not name the missing file", errs.String())
	}
}

func TestRunRejectsOtherFormats(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"parse", "--format", "text", "x.html"}, &out, &errs); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
}
