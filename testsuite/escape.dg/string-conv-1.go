// String conversions: a heap result, or a stack buffer when the result does not escape.
package p

var GB []byte
var GR []rune
var GS string

func BytesToStringEsc(b []byte) string {
	return string(b) // { dg-message "string\\(\\\[\\\]byte\\) escapes to heap" }
}

func BytesToStringNoEsc(b []byte) int {
	s := string(b) // { dg-message "string\\(\\\[\\\]byte\\) does not escape" }
	return len(s)
}

// A map key or a comparison uses the bytes in place: no conversion at all.
func BytesToStringMapKey(m map[string]int, b []byte) int {
	return m[string(b)]
}

func BytesToStringCompare(b []byte) bool {
	return string(b) == "abc"
}

func StringToBytesEsc(s string) {
	GB = []byte(s) // { dg-message "\\\[\\\]byte\\(string\\) escapes to heap" }
}

func StringToBytesNoEsc(s string) int {
	b := []byte(s) // { dg-message "\\\[\\\]byte\\(string\\) does not escape" }
	return len(b) + int(b[0])
}

func RangeBytes(s string) int {
	n := 0
	for _, b := range []byte(s) { // { dg-message "\\\[\\\]byte\\(string\\) does not escape" }
		n += int(b)
	}
	return n
}

func StringToRunesEsc(s string) {
	GR = []rune(s) // { dg-message "\\\[\\\]rune\\(string\\) escapes to heap" }
}

func StringToRunesNoEsc(s string) int {
	r := []rune(s) // { dg-message "\\\[\\\]rune\\(string\\) does not escape" }
	return len(r)
}

func RunesToStringEsc(r []rune) string {
	return string(r) // { dg-message "string\\(\\\[\\\]rune\\) escapes to heap" }
}

func RunesToStringNoEsc(r []rune) int {
	s := string(r) // { dg-message "string\\(\\\[\\\]rune\\) does not escape" }
	return len(s)
}

func RuneToStringEsc(i int) {
	GS = string(rune(i)) // { dg-message "string\\(rune\\) escapes to heap" }
}

func RuneToStringNoEsc(i int) int {
	s := string(rune(i)) // { dg-message "string\\(rune\\) does not escape" }
	return len(s)
}

// []byte of a constant is a byte slice literal.
func ConstStringToBytesNoEsc() int {
	b := []byte("hello") // { dg-message "\\\[\\\]uint8\\{\\.\\.\\.\\} does not escape" }
	return int(b[1])
}
