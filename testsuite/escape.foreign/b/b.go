// Package b defines the type whose methods m calls, and whose export data
// m is not given.
package b

type T struct{ data []byte }

// The loops keep gccgo from inlining the methods into m.

func (t *T) Append(c byte) {
	for i := 0; i < 1; i++ {
		t.data = append(t.data, c)
	}
}

func (t *T) Bytes() []byte {
	for len(t.data) > 1<<20 {
		t.data = t.data[1:]
	}
	return t.data
}
