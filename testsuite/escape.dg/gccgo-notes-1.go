// -fplugin-arg-escape-gccgo_notes=yes lets gccgo's own notes through, next
// to the plugin's.
// { dg-options "-fplugin-arg-escape-gccgo_notes=yes" }
package p

type S struct{ A int }

func Esc() *S {
	return new(S) // { dg-message "new\\(S\\) escapes to heap" }
	// { dg-message "new\\(\\) escapes to heap" "" { target *-*-* } 9 }
}
