// gccgo's escape analysis prints more than "escapes" notes once the plugin
// turns -fgo-debug-escape1 on (self-assignments, leaking parameters,
// closure references): with notes=none, none of them may reach the user.
// { dg-options "-fplugin-arg-escape-notes=none" }
package p

type D struct{ mant []byte }

func (x *D) Trim(n int) {
	x.mant = x.mant[:n]
}

func Leak(p *int) *int { return p }

var G *int

func Store(p *int) { G = p }

func Capture(a int) func() int {
	return func() int { return a }
}
