// make(map): gccgo allocates every map on the heap, escaping or not.
package p

var GM map[int]int

// Without a size hint gccgo calls runtime.makemap_small, which takes no
// type descriptor: the map's first operation in the runtime names its
// type, here mapassign; without one the note says make(map).

func NoHintNoEsc() int {
	m := make(map[int]int) // { dg-message "make\\(map\\\[int\\\]int\\) escapes to heap: gccgo allocates every map on the heap" }
	m[1] = 2
	return len(m)
}

func NoHintEsc() map[int]int {
	return make(map[int]int) // { dg-message "make\\(map\\) escapes to heap" }
}

func NoHintRange() int {
	m := make(map[string]bool) // { dg-message "make\\(map\\\[string\\\]bool\\) escapes to heap" }
	n := 0
	for range m {
		n++
	}
	return n
}

func HintConstNoEsc() int {
	m := make(map[int]int, 100) // { dg-message "make\\(map\\\[int\\\]int\\) escapes to heap: gccgo allocates every map on the heap" }
	m[3] = 4
	return m[3]
}

func HintVarEsc(n int) {
	GM = make(map[int]int, n) // { dg-message "make\\(map\\\[int\\\]int\\) escapes to heap(?!: gccgo)" }
}

func HintVarNoEsc(n int) int {
	m := make(map[string]int, n) // { dg-message "make\\(map\\\[string\\\]int\\) escapes to heap: gccgo allocates every map on the heap" }
	return len(m)
}

// Map operations allocate nothing visible.
func Ops(m map[int]int) int {
	m[1] = 2
	delete(m, 3)
	v, ok := m[4]
	if ok {
		return v
	}
	return len(m)
}

// The plugin's verdict, where it differs from gccgo's decision.
// { dg-message "make\\(map\\\[int\\\]int\\): the plugin found no escape; gccgo heap-allocates it \\(map\\)" "" { target *-*-* } 11 }
// { dg-message "make\\(map\\\[string\\\]bool\\): the plugin found no escape; gccgo heap-allocates it \\(map\\)" "" { target *-*-* } 21 }
// { dg-message "make\\(map\\\[int\\\]int\\): the plugin found no escape; gccgo heap-allocates it \\(map\\)" "" { target *-*-* } 30 }
// { dg-message "make\\(map\\\[string\\\]int\\): the plugin found no escape; gccgo heap-allocates it \\(map\\)" "" { target *-*-* } 40 }
