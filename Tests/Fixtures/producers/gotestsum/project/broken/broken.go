// Package broken compiles, but its test file has a type error, so `go test` fails to build it.
package broken

// Name returns a name.
func Name() string { return "broken" }
