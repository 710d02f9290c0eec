// Package mixed has a passing, a failing and a skipped test.
package mixed

// Double returns 2*n.
func Double(n int) int { return 2 * n }
