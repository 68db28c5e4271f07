// Methods of a type of another package whose export data the unit is not
// given (the go tool passes only the direct imports): their tags come from
// the export data of a package the unit calls, which refers to the type.
package m

import "a"

func Build() []byte {
	w := a.W{N: a.Size()} // JSON: kind=var name=w gccgo=stack verdict=stack verdict_reason=does-not-escape conservative=false class=both-stack
	w.Buf.Append('x')
	return w.Buf.Bytes()
}
