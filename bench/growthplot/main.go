// Command growthplot draws bench/growth.sh's figures against corpus size in
// one PNG of six panels, every axis logarithmic: import rate, peak memory,
// disk, one-client p50 and p99 per query of bench/serve.lua's mix, and
// cold-process and warm-server counts beside rg. Dashed lines are issue
// 18's targets.
//
// With -md FILE it also writes the figures as Markdown tables (the growth
// section of BENCHMARKS.md, through bench/report.sh).
//
//	go run ./bench/growthplot -o bench/growth.png -md bench/out/growth/growth.md bench/out/growth/results.tsv
package main

import (
	"flag"
	"fmt"
	"image/color"
	"math"
	"os"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// queryNames describes bench/serve.lua's paths in order, in ASCII (the
// plot's font has no Chinese); a path past the list is called qN.
var queryNames = []string{
	"q1 word (12% of docs)",
	"q2 word, traditional",
	"q3 word (87%)",
	"q4 two words",
	"q5 two words, 8 terms",
	"q6 phrase",
	"q7 phrase + word",
	"q8 word + 3 facets",
	"q9 word, 2 filters, facet",
	"q10 word, region, facet",
}

func main() {
	out := flag.String("o", "bench/growth.png", "PNG `file` to write")
	md := flag.String("md", "", "also write the figures as Markdown tables to `file`")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: growthplot [-o PNG] [-md FILE] RESULTS.tsv")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out, *md); err != nil {
		fmt.Fprintln(os.Stderr, "growthplot:", err)
		os.Exit(1)
	}
}

func run(in, out, md string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	res, err := ParseResults(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	sizes := res.Sizes()
	if len(sizes) == 0 {
		return fmt.Errorf("%s: no corpus size measured", in)
	}
	if md != "" {
		m, err := os.Create(md)
		if err != nil {
			return err
		}
		if err := WriteMarkdown(m, res); err != nil {
			m.Close()
			return err
		}
		if err := m.Close(); err != nil {
			return err
		}
	}
	panels := [][]*plot.Plot{
		{importPanel(res, sizes), memoryPanel(res, sizes)},
		{diskPanel(res, sizes), countPanel(res, sizes)},
		{latencyPanel(res, sizes, "P50", 50), latencyPanel(res, sizes, "P99", 150)},
	}
	const w, h = 30 * vg.Centimeter, 36 * vg.Centimeter
	img := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(110), vgimg.UseBackgroundColor(color.White))
	dc := draw.New(img)
	title := fmt.Sprintf("unionscope growth (bench/growth.sh, %s cores, commit %s)", orDash(res.Get(0, "CORES")), orDash(res.Get(0, "COMMIT")))
	top := dc.Size().Y - vg.Points(22)
	sty := plot.New().Title.TextStyle
	sty.Font.Size = vg.Points(14)
	sty.XAlign = draw.XCenter
	dc.FillText(sty, vg.Point{X: dc.Size().X / 2, Y: top}, title)
	dc.Max.Y -= vg.Points(40)
	tiles := draw.Tiles{Rows: 3, Cols: 2, PadX: vg.Centimeter, PadY: vg.Centimeter,
		PadTop: vg.Points(4), PadBottom: vg.Points(8), PadLeft: vg.Points(8), PadRight: vg.Points(12)}
	canvases := plot.Align(panels, tiles, dc)
	for j := range panels {
		for i := range panels[j] {
			panels[j][i].Draw(canvases[j][i])
		}
	}
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(o); err != nil {
		o.Close()
		return err
	}
	return o.Close()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// newPanel is a plot with logarithmic axes, the corpus sizes as x ticks.
func newPanel(title, ylabel string, sizes []int) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(12)
	p.X.Label.Text = "documents"
	p.Y.Label.Text = ylabel
	p.X.Scale = plot.LogScale{}
	p.Y.Scale = plot.LogScale{}
	var ticks plot.ConstantTicks
	for _, n := range sizes {
		ticks = append(ticks, plot.Tick{Value: float64(n), Label: human(n)})
	}
	p.X.Tick.Marker = ticks
	p.Y.Tick.Marker = plot.TickerFunc(logTicks)
	p.X.Min, p.X.Max = float64(sizes[0])/1.6, float64(sizes[len(sizes)-1])*1.6
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.TextStyle.Font.Size = vg.Points(8)
	p.Add(plotter.NewGrid())
	return p
}

func human(n int) string {
	switch {
	case n >= 1e6 && n%1e6 == 0:
		return strconv.Itoa(n/1e6) + "M"
	case n >= 1e3 && n%1e3 == 0:
		return strconv.Itoa(n/1e3) + "k"
	}
	return strconv.Itoa(n)
}

// points are the sizes' figures under key, scaled; sizes without one are left out.
func points(res *Results, sizes []int, key string, scale float64) plotter.XYs {
	var xy plotter.XYs
	for _, n := range sizes {
		if v, ok := res.Float(n, key); ok && v > 0 {
			xy = append(xy, plotter.XY{X: float64(n), Y: v * scale})
		}
	}
	return xy
}

// palette is ten distinguishable colours (matplotlib's tab10), one per
// query of the mix.
var palette = []color.RGBA{
	{0x1f, 0x77, 0xb4, 0xff}, {0xff, 0x7f, 0x0e, 0xff}, {0x2c, 0xa0, 0x2c, 0xff}, {0xd6, 0x27, 0x28, 0xff},
	{0x94, 0x67, 0xbd, 0xff}, {0x8c, 0x56, 0x4b, 0xff}, {0xe3, 0x77, 0xc2, 0xff}, {0x7f, 0x7f, 0x7f, 0xff},
	{0xbc, 0xbd, 0x22, 0xff}, {0x17, 0xbe, 0xcf, 0xff},
}

// series adds a line with points, in the i-th colour of the palette and
// plotutil's i-th shape.
func series(p *plot.Plot, i int, name string, xy plotter.XYs) {
	if len(xy) == 0 {
		return
	}
	l, s, err := plotter.NewLinePoints(xy)
	if err != nil {
		return
	}
	c := palette[i%len(palette)]
	l.Color = c
	l.Width = vg.Points(1.5)
	s.Color = c
	s.Shape = plotutil.Shape(i)
	s.Radius = vg.Points(3)
	p.Add(l, s)
	p.Legend.Add(name, l, s)
}

// target draws a dashed horizontal line at y across the sizes.
func target(p *plot.Plot, sizes []int, y float64, name string) {
	l, err := plotter.NewLine(plotter.XYs{{X: float64(sizes[0]) / 1.6, Y: y}, {X: float64(sizes[len(sizes)-1]) * 1.6, Y: y}})
	if err != nil {
		return
	}
	l.Color = color.RGBA{R: 200, A: 255}
	l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	p.Add(l)
	p.Legend.Add(name, l)
}

// docsPerCPU is n divided by the import's CPU seconds, times the cores: the
// rate the import would reach with the machine to itself.
func docsPerCPU(res *Results, sizes []int) plotter.XYs {
	cores, ok := res.Float(0, "CORES")
	if !ok {
		cores = 1
	}
	var xy plotter.XYs
	for _, n := range sizes {
		if cpu, ok := res.Float(n, "IMPORT_CPU_S"); ok && cpu > 0 {
			xy = append(xy, plotter.XY{X: float64(n), Y: float64(n) / cpu * cores})
		}
	}
	return xy
}

func importPanel(res *Results, sizes []int) *plot.Plot {
	p := newPanel("import rate", "documents / s", sizes)
	series(p, 0, "docs / wall s", points(res, sizes, "IMPORT_DOCS_S", 1))
	series(p, 1, "docs / CPU-s x cores", docsPerCPU(res, sizes))
	target(p, sizes, 1000, "target 1,000 docs/s")
	roomForLegend(p, 0.3)
	return p
}

func memoryPanel(res *Results, sizes []int) *plot.Plot {
	p := newPanel("peak RSS", "MB", sizes)
	series(p, 0, "import", points(res, sizes, "IMPORT_RSS_MB", 1))
	series(p, 1, "serve, after the queries", points(res, sizes, "SERVE_RSS_MB", 1))
	series(p, 2, "cold search", points(res, sizes, "COLD_RSS_MB", 1))
	target(p, sizes, 2048, "import target 2 GB")
	target(p, sizes, 150, "cold-start target 150 MB")
	roomForLegend(p, 0.3)
	return p
}

func diskPanel(res *Results, sizes []int) *plot.Plot {
	p := newPanel("on disk", "MB", sizes)
	series(p, 0, "index (Bleve)", points(res, sizes, "INDEX_MB", 1))
	series(p, 1, "store (SQLite)", points(res, sizes, "STORE_MB", 1))
	var both plotter.XYs
	for _, n := range sizes {
		i, ok1 := res.Float(n, "INDEX_MB")
		s, ok2 := res.Float(n, "STORE_MB")
		if ok1 && ok2 {
			both = append(both, plotter.XY{X: float64(n), Y: i + s})
		}
	}
	series(p, 2, "index + store", both)
	series(p, 3, "input files", points(res, sizes, "INPUT_MB", 1))
	roomForLegend(p, 0.3)
	return p
}

func countPanel(res *Results, sizes []int) *plot.Plot {
	p := newPanel("count of a word (rg queries' median) and cold start", "ms", sizes)
	series(p, 0, "rg -c over the files", median3(res, sizes, "_RG_S", 1000))
	series(p, 1, "search --count, cold process", median3(res, sizes, "_US_S", 1000))
	series(p, 2, "warm server, size=0 (p50)", median3(res, sizes, "_WARM_P50_MS", 1))
	series(p, 3, "cold search, 10 hits", points(res, sizes, "COLD_S", 1000))
	target(p, sizes, 300, "cold-start target 0.3 s")
	roomForLegend(p, 0.35)
	return p
}

// median3 is, per size, the median over the rg queries (RG1..RGn) of the
// figure RGi+suffix.
func median3(res *Results, sizes []int, suffix string, scale float64) plotter.XYs {
	var xy plotter.XYs
	for _, n := range sizes {
		var vs []float64
		for i := 1; ; i++ {
			if res.Get(n, "RG"+strconv.Itoa(i)+"_Q") == "" && res.Get(n, "RG"+strconv.Itoa(i)+"_WARM_DOCS") == "" {
				break
			}
			if v, ok := res.Float(n, "RG"+strconv.Itoa(i)+suffix); ok && v > 0 {
				vs = append(vs, v*scale)
			}
		}
		if len(vs) > 0 {
			xy = append(xy, plotter.XY{X: float64(n), Y: median(vs)})
		}
	}
	return xy
}

func median(v []float64) float64 {
	s := slices.Sorted(slices.Values(v))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func latencyPanel(res *Results, sizes []int, which string, goal float64) *plot.Plot {
	p := newPanel(fmt.Sprintf("one client, %s per query of bench/serve.lua", which), "ms", sizes)
	for q := 1; q <= res.Queries(); q++ {
		name := "q" + strconv.Itoa(q)
		if q <= len(queryNames) {
			name = queryNames[q-1]
		}
		series(p, q-1, name, points(res, sizes, fmt.Sprintf("Q%d_%s_MS", q, which), 1))
	}
	target(p, sizes, goal, fmt.Sprintf("target at 1M: %s <= %g ms", which, goal))
	roomForLegend(p, 0.5)
	return p
}

// roomForLegend raises the top of a log y axis so that the upper share of
// the panel is free for the legend.
func roomForLegend(p *plot.Plot, share float64) {
	if p.Y.Min <= 0 || p.Y.Max <= p.Y.Min {
		return
	}
	lo, hi := math.Log10(p.Y.Min), math.Log10(p.Y.Max)
	if hi-lo < 1 { // at least a decade, so that the ticks say something
		lo = (lo+hi)/2 - 0.5
		hi = lo + 1
	}
	p.Y.Min = math.Pow(10, lo)
	p.Y.Max = math.Pow(10, hi+(hi-lo)*share/(1-share))
}

// logTicks labels 1, 2 and 5 times each power of ten (the minor ticks
// between unlabelled), so that a narrow range still shows numbers.
func logTicks(min, max float64) []plot.Tick {
	var t []plot.Tick
	for e := math.Floor(math.Log10(min)); e <= math.Ceil(math.Log10(max)); e++ {
		base := math.Pow(10, e)
		for m := 1; m <= 9; m++ {
			v := float64(m) * base
			if v < min || v > max {
				continue
			}
			label := ""
			if m == 1 || m == 2 || m == 5 {
				label = strconv.FormatFloat(v, 'g', -1, 64)
				if v >= 1000 {
					label = strconv.FormatFloat(v, 'f', 0, 64)
				}
			}
			t = append(t, plot.Tick{Value: v, Label: label})
		}
	}
	return t
}
