// A Go file to run the plugin's unit tests on (unit.exp): the tests build
// their own graphs and names; this file only gets the pass running.
package p

func F() *int {
	x := 1
	return &x
}
