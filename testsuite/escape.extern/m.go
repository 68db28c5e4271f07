// C functions (//extern) called from the bodies of other packages'
// functions that gccgo inlines at -O2 (as syscall.Fstat calls fstat64):
// the unit then compiles a copy of the body, whose call of the C function
// takes its tags from the "asm" record of the export data.
package m

import (
	"c"
	"d"
)

// strlen is //go:noescape in package c: x does not escape.
func A() int {
	var x [8]byte // JSON: kind=var name=x gccgo=stack verdict=stack conservative=false class=both-stack
	return c.Len(&x[0])
}

// strnlen is not: y escapes, from its record, not conservatively.
func B() int {
	var y [8]byte // JSON: kind=var name=y gccgo=heap verdict=heap conservative=false class=both-heap
	return c.Len2(&y[0])
}

// strcspn is declared in c without //go:noescape and in d with it: the
// call of either copy stays conservative.
func C() int {
	var z, r [8]byte // JSON: kind=var name=z gccgo=heap verdict=heap conservative=true class=both-heap
	// JSON@27: kind=var name=r gccgo=heap verdict=heap conservative=true class=both-heap
	return c.Span(&z[0], &r[0]) + d.Span(&z[0], &r[0])
}
