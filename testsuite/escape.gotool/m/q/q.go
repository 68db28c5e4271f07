package q

import "example.com/m/p"

func Sum(n int) int {
	s := make([]int, n)
	for i := range s {
		s[i] = *p.New(i).Get()
	}
	return len(s)
}
