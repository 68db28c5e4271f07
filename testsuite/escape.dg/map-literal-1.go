// Map literals: gccgo builds them on the heap, escaping or not.
package p

var GM map[string]int

func LitEsc(a int) {
	GM = map[string]int{"a": a, "b": 2} // { dg-message "map\\\[string\\\]int\\{\\.\\.\\.\\} escapes to heap(?!: gccgo)" }
}

func LitNoEsc(a int) int {
	m := map[string]int{"a": a, "b": 2} // { dg-message "map\\\[string\\\]int\\{\\.\\.\\.\\} escapes to heap: gccgo allocates every map on the heap" }
	return m["a"]
}

func LitEmpty() map[int]bool {
	return map[int]bool{} // { dg-message "map\\\[int\\\]bool\\{\\.\\.\\.\\} escapes to heap" }
}

// 26 constant entries come from a constant table, but the map is still new.
func LitLarge() map[int]int {
	return map[int]int{1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, // { dg-message "map\\\[int\\\]int\\{\\.\\.\\.\\} escapes to heap" }
		11: 11, 12: 12, 13: 13, 14: 14, 15: 15, 16: 16, 17: 17, 18: 18, 19: 19, 20: 20,
		21: 21, 22: 22, 23: 23, 24: 24, 25: 25, 26: 26}
}

// The plugin's verdict, where it differs from gccgo's decision.
// { dg-message "map\\\[string\\\]int\\{\\.\\.\\.\\}: the plugin found no escape; gccgo heap-allocates it \\(map\\)" "" { target *-*-* } 11 }
