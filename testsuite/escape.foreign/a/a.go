// Package a exports a type with a field of b's type: a's export data
// carries b.T's methods, with their escape tags.
package a

import "b"

type W struct {
	Buf b.T
	N   int
}

// Size is not inlined into m either.
func Size() int {
	n := 0
	for i := 0; i < 8; i++ {
		n += i
	}
	return n
}
