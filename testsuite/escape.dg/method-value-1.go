// Method values (t.M as a func value): heap when they escape, else on the stack.
package p

type T struct{ X int }

//go:noinline
func (t *T) M() int { return t.X }

//go:noinline
func (t T) V() int { return t.X }

//go:noinline
func call(f func() int) int { return f() }

func NoEsc(t *T) int {
	f := t.M // { dg-message "method value does not escape" }
	return f()
}

func Passed(t *T) int {
	return call(t.M) // { dg-message "method value does not escape" }
}

func ValRecvNoEsc(t T) int {
	return call(t.V) // { dg-message "method value does not escape" }
}

// A method expression is a static function descriptor: no allocation.
func MethodExpr() func(*T) int {
	return (*T).M
}

// Calling a method directly makes no func value.
func Direct(t *T) int {
	return t.M()
}

var GF func() int

//go:noinline
func callEsc(f func() int) { GF = f }

func Esc(t *T) {
	GF = t.M // { dg-message "method value escapes to heap" }
}

func Returned(t *T) func() int {
	return t.M // { dg-message "method value escapes to heap" }
}

func PassedEsc(t *T) {
	callEsc(t.M) // { dg-message "method value escapes to heap" }
}

func ValRecvEsc(t T) {
	GF = t.V // { dg-message "method value escapes to heap" }
}
