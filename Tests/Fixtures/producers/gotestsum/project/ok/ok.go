// Package ok has only passing tests.
package ok

// Add returns a + b.
func Add(a, b int) int { return a + b }
