// A Go file with a syntax error, for the error-path tests.
package p

func F() { x := }
