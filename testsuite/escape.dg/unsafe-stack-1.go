// "gccgo stack, but an escape found": a real gccgo miscompilation
// (patches/FINDINGS, finding 1).  gccgo tags fromSliceData's parameter
// "does not escape", although its backing array is returned through
// reflect.SliceHeader.Data; the caller then keeps the array on its stack
// and returns a pointer into its own dead frame.
package p

import (
	"reflect"
	"unsafe"
)

//go:noinline
func fromSliceData(s []int) unsafe.Pointer { // { dg-message "s does not escape" }
	return unsafe.Pointer((*reflect.SliceHeader)(unsafe.Pointer(&s)).Data)
}

func Keep() *int {
	a := make([]int, 4) // { dg-message "make\\(\\\[\\\]int, 4\\) does not escape" }
	return (*int)(fromSliceData(a))
}

// { dg-warning "make\\(\\\[\\\]int, 4\\) is on the stack, but escapes \\(returned\\); gccgo may have miscompiled it" "" { target *-*-* } 19 }
// { dg-message "  flow: a = &\\{storage for make\\(\\\[\\\]int, 4\\)\\}:" "" { target *-*-* } 19 }
// { dg-message "    from address-of at unsafe-stack-1\\.go:19:2" "" { target *-*-* } 19 }
// { dg-message "  flow: ~r0 = a:" "" { target *-*-* } 19 }
// { dg-message "    from call result at unsafe-stack-1\\.go:20:16" "" { target *-*-* } 19 }
// { dg-message "    from assign at unsafe-stack-1\\.go:20:16" "" { target *-*-* } 19 }
// { dg-message "    from assign at unsafe-stack-1\\.go:20:2" "" { target *-*-* } 19 }
// { dg-message "    from return at unsafe-stack-1\\.go:20:2" "" { target *-*-* } 19 }
