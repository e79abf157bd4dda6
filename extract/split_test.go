package extract

import "testing"

func TestCutSampleNumber(t *testing.T) {
	tests := []struct{ in, title, num string }{
		{"村工会工作总结1", "村工会工作总结", "1"},
		{"村工会工作总结(二)", "村工会工作总结", "二"},
		{"村工会工作总结 12", "村工会工作总结", "12"},
		{"村工会工作总结篇二", "村工会工作总结", "二"},
		{"村工会工作总结范文3", "村工会工作总结", "3"},
		{"工作总结1", "", ""},
		{"村工会工作总结", "", ""},
		{"全年新建工会2016", "", ""},
	}
	for _, tt := range tests {
		title, num := cutSampleNumber(tt.in)
		if num != tt.num || title != tt.title {
			t.Errorf("cutSampleNumber(%q) = %q, %q; want %q, %q", tt.in, title, num, tt.title, tt.num)
		}
	}
}
