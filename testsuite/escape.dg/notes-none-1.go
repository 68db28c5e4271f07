// -fplugin-arg-escape-notes=none reports nothing: any note is excess.
// { dg-options "-fplugin-arg-escape-notes=none" }
package p

type S struct{ A int }

func Esc() *S {
	x := S{1}
	return &x
}
