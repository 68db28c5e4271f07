// String concatenation: a heap result, or a stack buffer when it does not escape.
package p

var GStr string

func Concat2Esc(a, b string) string {
	return a + b // { dg-message "string concatenation escapes to heap" }
}

func Concat3Esc(a, b, c string) {
	GStr = a + b + c // { dg-message "string concatenation escapes to heap" }
}

func ConstOperandEsc(a string) string {
	return "pre-" + a // { dg-message "string concatenation escapes to heap" }
}

func LoopEsc(xs []string) string {
	s := ""
	for _, x := range xs {
		s += x // { dg-message "string concatenation escapes to heap" }
	}
	return s
}

func NoEsc(a, b string) int {
	s := a + b // { dg-message "string concatenation does not escape" }
	return len(s)
}

func Compare(a, b string) bool {
	return a+b == "xy" // { dg-message "string concatenation does not escape" }
}

// Constants are folded at compile time.
func Const() string {
	return "a" + "b"
}
