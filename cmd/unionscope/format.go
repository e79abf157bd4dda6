package main

import "strconv"

// formatValue prints a metric value without exponent or trailing zeros, as
// a spreadsheet would want it.
func formatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
