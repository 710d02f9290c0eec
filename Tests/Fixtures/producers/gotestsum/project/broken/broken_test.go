package broken

import "testing"

func TestName(t *testing.T) {
	var n int = Name() // type error on purpose: Name returns a string
	if n != 0 {
		t.Fatal("unreachable")
	}
}
