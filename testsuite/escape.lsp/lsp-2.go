// lsp-2.go: a second file of the package, for the layout: one file of
// diagnostics per source file.
package p

var keep []int

func Keep(s []int) { // lsp: leak
	keep = s
}
