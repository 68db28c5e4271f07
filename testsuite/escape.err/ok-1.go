// A valid Go file for the error-path tests.
package p

func F() *int {
	x := 1
	return &x
}
