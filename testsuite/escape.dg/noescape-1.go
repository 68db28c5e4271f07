// Go's noescape idiom (the runtime, strings.Builder): a pointer passed
// through a function named noescape that launders it through a uintptr is
// not followed, as gc and gccgo do not follow it.  The same laundering
// under another name is followed: the plugin finds v escaping where gccgo
// keeps it on the stack (such code breaks Go's rules for unsafe.Pointer).
package p

import "unsafe"

//go:nosplit
func noescape(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return unsafe.Pointer(x ^ 0)
}

type Builder struct {
	addr *Builder
	buf  []byte
}

func (b *Builder) copyCheck() {
	if b.addr == nil {
		b.addr = (*Builder)(noescape(unsafe.Pointer(b)))
	} else if b.addr != b {
		panic("copied") // { dg-message "conversion of string to interface does not escape: static data" }
	}
}

func Use() int {
	var b Builder // { dg-message "b does not escape" }
	b.copyCheck()
	return len(b.buf)
}

// The same function under another name is followed.
func launder(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return unsafe.Pointer(x ^ 0)
}

var G unsafe.Pointer

func Other() {
	var v int // { dg-message "v does not escape" }
	G = launder(unsafe.Pointer(&v))
}

// A store through the pointer noescape returns goes to the heap.
func Store(q **int) {
	w := 1 // { dg-message "moved to heap: w" }
	*(**int)(noescape(unsafe.Pointer(q))) = &w
}

// { dg-warning "v is on the stack, but escapes \\(escapes\\); gccgo may have miscompiled it" "" { target *-*-* } 44 }
// { dg-message "  flow: \\{heap\\} = &v:" "" { target *-*-* } 44 }
// { dg-message "    from call result at noescape-1\\.go:45:6" "" { target *-*-* } 44 }
// { dg-message "    from assign at noescape-1\\.go:45:6" "" { target *-*-* } 44 }
// { dg-message "    from store at noescape-1\\.go:45:4" "" { target *-*-* } 44 }
